package io.accessledger.e2e;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.AccessLedgerApplication;
import io.accessledger.auth.Role;
import io.accessledger.auth.sqlite.SqliteClientStore;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.support.TempDirs;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The real server from the real {@code config.yml}, on free ports with a fresh data directory, and a
 * small HTTP client for it that sends exactly the bytes and headers a test gives.
 */
final class ApiServer {
  static final ObjectMapper JSON = new ObjectMapper();

  final DropwizardAppExtension<AccessLedgerConfiguration> app;
  final Path data;

  ApiServer(ConfigOverride... extra) {
    this("WARN", extra);
  }

  /**
   * The log level is a parameter rather than an override in {@code extra}: Dropwizard applies
   * overrides in no fixed order, so two overrides of one key would pick a level at random.
   */
  ApiServer(String logLevel, ConfigOverride... extra) {
    this.data = tempDir();
    ConfigOverride[] overrides = new ConfigOverride[4 + extra.length];
    overrides[0] = ConfigOverride.config("server.applicationConnectors[0].port", "0");
    overrides[1] = ConfigOverride.config("server.adminConnectors[0].port", "0");
    overrides[2] = ConfigOverride.config("ledger.dataDir", data.toString());
    overrides[3] = ConfigOverride.config("logging.level", logLevel);
    System.arraycopy(extra, 0, overrides, 4, extra.length);
    this.app = new DropwizardAppExtension<>(AccessLedgerApplication.class, "config.yml", overrides);
  }

  private static Path tempDir() {
    return TempDirs.deletedAtExit("access-ledger-e2e").resolve("data");
  }

  /** Adds a client straight to the server's client store, as {@code add-client} would; its token. */
  String addClient(String name, Role role, String source) {
    try (SqliteClientStore clients = SqliteClientStore.open(
        data.resolve("clients.db"), new MetricRegistry(), Clock.systemUTC())) {
      return clients.add(name, role, source);
    }
  }

  void revoke(String name) {
    try (SqliteClientStore clients = SqliteClientStore.open(
        data.resolve("clients.db"), new MetricRegistry(), Clock.systemUTC())) {
      clients.revoke(name);
    }
  }

  /** The signed tree size, read from the admin port's metrics: reading it appends nothing. */
  long treeSize() {
    return metrics().path("gauges").path("ledger.tree-size").path("value").asLong();
  }

  /** The admin port's {@code /metrics}. */
  JsonNode metrics() {
    String body = app.client()
        .target("http://localhost:" + app.getAdminPort() + "/metrics")
        .request()
        .get(String.class);
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer get(String token, String path) {
    return new Answer(request(token, path).get());
  }

  Answer post(String token, String path, String body) {
    return post(token, path, body, "application/json");
  }

  Answer post(String token, String path, String body, String contentType) {
    return new Answer(request(token, path)
        .post(Entity.entity(body.getBytes(StandardCharsets.UTF_8), contentType)));
  }

  /**
   * Posts over a plain socket, declaring {@code contentLength} but sending only {@code prefix}, and
   * reads the answer: for refusals made from the headers alone.
   */
  Answer rawPost(String token, String path, long contentLength, String prefix) {
    return raw("POST " + path + " HTTP/1.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength,
        prefix.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code head} (the request line and headers, each line ended by CRLF but the last; {@code
   * Host} and {@code Connection: close} are added) and then {@code body} over a plain socket,
   * exactly as given, and reads the answer.
   */
  Answer raw(String head, byte[] content) {
    try (java.net.Socket socket = new java.net.Socket("localhost", app.getLocalPort())) {
      String request = head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An answer as it came over the wire: status line, headers, body (de-chunked). */
  static Answer parse(String raw) {
    int status = Integer.parseInt(raw.substring(9, 12));
    String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    if (headers.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
    }
    Response.ResponseBuilder rebuilt = Response.status(status).entity(body);
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        rebuilt.header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return new Answer(rebuilt.build(), body);
  }

  private Invocation.Builder request(String token, String path) {
    Invocation.Builder builder =
        app.client().target("http://localhost:" + app.getLocalPort() + path).request();
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  /** A response read in full. */
  static final class Answer {
    final int status;
    final String body;
    final Response response;

    Answer(Response response) {
      this(response, response.readEntity(String.class));
    }

    Answer(Response response, String body) {
      this.response = response;
      this.status = response.getStatus();
      this.body = body;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return response.getHeaderString(name);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
