package io.accessledger.e2e;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.AccessLedgerApplication;
import io.accessledger.auth.Role;
import io.accessledger.auth.sqlite.SqliteClientStore;
import io.accessledger.config.AccessLedgerConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The real server from the real {@code config.yml}, with {@code witnesses} added (each a URL and
 * a witness key) and {@code witnessInterval: 1s}, on free ports with a fresh data directory; and a
 * small HTTP client for its application and admin ports.
 */
final class WitnessedLedger implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One configured witness. */
  record Configured(String url, String verifierKey) {}

  final Path data;
  private final DropwizardTestSupport<AccessLedgerConfiguration> app;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  WitnessedLedger(Path dir, List<Configured> witnesses) throws Exception {
    this.data = dir.resolve("data");
    StringBuilder yaml = new StringBuilder(Files.readString(Path.of("config.yml")));
    yaml.append("\nwitnessInterval: 1s\nwitnesses:\n");
    for (Configured w : witnesses) {
      yaml.append("  - url: ").append(w.url()).append("\n    verifierKey: ")
          .append(w.verifierKey()).append('\n');
    }
    Files.createDirectories(dir);
    Path config = dir.resolve("ledger.yml");
    Files.writeString(config, yaml.toString());
    app = new DropwizardTestSupport<>(AccessLedgerApplication.class, config.toString(),
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("ledger.dataDir", data.toString()),
        ConfigOverride.config("logging.level", "WARN"));
    app.before();
  }

  String addClient(String name, Role role, String source) {
    try (SqliteClientStore clients = SqliteClientStore.open(
        data.resolve("clients.db"), new MetricRegistry(), Clock.systemUTC())) {
      return clients.add(name, role, source);
    }
  }

  HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
    return http.send(request(app.getLocalPort(), path).header("Authorization", "Bearer " + token)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String token, String path, String json)
      throws IOException, InterruptedException {
    return http.send(request(app.getLocalPort(), path).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The admin port's {@code /healthcheck} entry {@code name}: {"healthy", "message", …}. */
  JsonNode health(String name) throws IOException, InterruptedException {
    return admin("/healthcheck").path(name);
  }

  /** The admin port's {@code /metrics}. */
  JsonNode metrics() throws IOException, InterruptedException {
    return admin("/metrics");
  }

  private JsonNode admin(String path) throws IOException, InterruptedException {
    return JSON.readTree(http.send(request(app.getAdminPort(), path).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
  }

  private static HttpRequest.Builder request(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  @Override
  public void close() {
    app.after();
  }
}
