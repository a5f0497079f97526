package io.accessledger.console.support;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.AccessLedgerApplication;
import io.accessledger.auth.Role;
import io.accessledger.auth.sqlite.SqliteClientStore;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.demo.DemoMonth;
import io.accessledger.support.TempDirs;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * The real server from the real {@code config.yml} on free ports with a fresh data directory, for
 * console tests: clients added as {@code add-client} would, and the API reached with a bearer
 * token to post events and to read back what the console recorded.
 *
 * <p>Use it as a static field with {@code @RegisterExtension} on {@link #app}.
 */
public final class ConsoleServer {
  private static final ObjectMapper JSON = new ObjectMapper();

  public final DropwizardAppExtension<AccessLedgerConfiguration> app;
  public final Path data;
  private final HttpClient http = HttpClient.newHttpClient();

  public ConsoleServer(ConfigOverride... extra) {
    this("config.yml", extra);
  }

  /**
   * A server whose need-to-know settings are {@code demo}'s department (its teams, rota,
   * restricted child and staff relationships), the rest as in {@code config.yml}: as
   * {@code scripts/demo-data} runs it.
   */
  public static ConsoleServer forDemo(DemoMonth demo, ConfigOverride... extra) {
    try {
      StringBuilder config = new StringBuilder();
      boolean skipping = false;
      for (String line : Files.readAllLines(Path.of("config.yml"))) {
        if (line.startsWith("needToKnow:")) {
          skipping = true;
          continue;
        }
        if (skipping && !line.isEmpty() && (Character.isLetter(line.charAt(0))
            || line.charAt(0) == '#')) {
          skipping = false;
        }
        if (!skipping) {
          config.append(line).append('\n');
        }
      }
      config.append(demo.config());
      Path file = TempDirs.deletedAtExit("access-ledger-demo-config").resolve("demo.yml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, config);
      return new ConsoleServer(file.toString(), extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ConsoleServer(String configFile, ConfigOverride... extra) {
    this.data = TempDirs.deletedAtExit("access-ledger-console").resolve("data");
    ConfigOverride[] base = {
      ConfigOverride.config("server.applicationConnectors[0].port", "0"),
      ConfigOverride.config("server.adminConnectors[0].port", "0"),
      ConfigOverride.config("ledger.dataDir", data.toString()),
      ConfigOverride.config("logging.level", "WARN"),
    };
    this.app = new DropwizardAppExtension<>(AccessLedgerApplication.class, configFile,
        Stream.concat(Stream.of(base), Stream.of(extra)).toArray(ConfigOverride[]::new));
  }

  /** The console's base, {@code http://localhost:PORT/console/}. */
  public String console() {
    return base() + "/console/";
  }

  /** {@code http://localhost:PORT}. */
  public String base() {
    return "http://localhost:" + app.getLocalPort();
  }

  /** Adds a client straight to the client store, as {@code add-client} would; its token. */
  public String addClient(String name, Role role, String source) {
    try (SqliteClientStore clients = SqliteClientStore.open(
        data.resolve("clients.db"), new MetricRegistry(), Clock.systemUTC())) {
      return clients.add(name, role, source);
    }
  }

  /** Revokes a client, as {@code revoke-client} would while the server runs. */
  public void revoke(String name) {
    try (SqliteClientStore clients = SqliteClientStore.open(
        data.resolve("clients.db"), new MetricRegistry(), Clock.systemUTC())) {
      clients.revoke(name);
    }
  }

  /** The signed tree size, from the admin port's metrics: reading it appends nothing. */
  public long treeSize() {
    String body = send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + app.getAdminPort() + "/metrics")).build()).body();
    return json(body).path("gauges").path("ledger.tree-size").path("value").asLong();
  }

  /** Posts one event (or a batch, to {@code /v1/events/batch}) as an ingest client. */
  public HttpResponse<String> postEvent(String token, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** GETs an API path with a bearer token (which, for a read, appends its own AUDIT_QUERY). */
  public HttpResponse<String> api(String token, String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Bearer " + token).build());
  }

  /** The decoded leaf of entry {@code seq}, read through the API with an auditor's token. */
  public JsonNode leaf(String auditorToken, long seq) {
    HttpResponse<String> answer = api(auditorToken, "/v1/entries/" + seq);
    if (answer.statusCode() != 200) {
      throw new AssertionError("entry " + seq + ": " + answer.statusCode() + " " + answer.body());
    }
    return json(json(answer.body()).path("leaf").asText());
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
