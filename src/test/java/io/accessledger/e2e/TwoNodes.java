package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two real server processes on one real PostgreSQL database, each configured only through the
 * environment on the project's config.yml, as CONTRACT section 7 says: the schema's owner runs
 * {@code migrate}, the nodes run as the server role (SELECT and INSERT only), and each node has
 * its own data directory holding a copy of the one signing key.
 */
final class TwoNodes implements AutoCloseable {
  static final String SOURCE = "two-node-system";
  private static final List<String> JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC");

  final TestDatabase db = TestPostgres.shared().newDatabase();
  final Path dir;
  final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ServerProcess> started = new ArrayList<>();
  String ingest;
  String auditor;

  TwoNodes(Path dir) {
    this.dir = dir;
  }

  /** The environment of node {@code name}: the server role's database, its own data directory. */
  Map<String, String> env(String name) {
    Map<String, String> env = new HashMap<>(db.serverEnv());
    env.put("LEDGER_DATA_DIR", dataDir(name).toString());
    return env;
  }

  Path dataDir(String name) {
    return dir.resolve("data-" + name);
  }

  /**
   * Migrates as the owner, starts node a (which makes the key and the empty tree's checkpoint),
   * gives node b a copy of the key, starts it, and adds an ingest and an auditor client.
   */
  List<ServerProcess> startBoth() throws Exception {
    Map<String, String> owner = new HashMap<>(db.ownerEnv());
    owner.put("LEDGER_DATA_DIR", dataDir("a").toString());
    ServerProcess.runWithEnv(dir, "migrate.out", owner, "migrate", "config.yml");
    ServerProcess a = start("a");
    copyKey("a", "b");
    ServerProcess b = start("b");
    ingest = tokenIn(ServerProcess.runWithEnv(dir, "add-ingest.out", env("b"), "add-client",
        "config.yml", "--name", "records-system", "--role", "ingest", "--source", SOURCE));
    auditor = tokenIn(ServerProcess.runWithEnv(dir, "add-auditor.out", env("a"), "add-client",
        "config.yml", "--name", "dpo", "--role", "auditor"));
    return List.of(a, b);
  }

  ServerProcess start(String name) throws Exception {
    ServerProcess node = ServerProcess.startWithEnv(dir, "node-" + name, env(name), JVM);
    started.add(node);
    return node;
  }

  /** Copies the signing key into node {@code to}'s data directory, both private to the owner. */
  void copyKey(String from, String to) throws IOException {
    Path target = dataDir(to);
    Files.createDirectories(target,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path key = target.resolve("signing.key");
    Files.copy(dataDir(from).resolve("signing.key"), key, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
  }

  HttpResponse<String> post(ServerProcess node, String path, String body)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(node.uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + ingest)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(ServerProcess node, String path)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(node.uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + auditor).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(ServerProcess node, String path) throws IOException, InterruptedException {
    HttpResponse<String> answer = get(node, path);
    assertThat(answer.statusCode()).as("GET %s on %s: %s", path, node, answer.body())
        .isEqualTo(200);
    return json.readTree(answer.body());
  }

  /** The token {@code add-client} printed (the only bearer token in its output). */
  private static String tokenIn(String output) {
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("alt_[A-Za-z0-9_-]+")
        .matcher(output);
    assertThat(token.find()).as("a token in: %s", output).isTrue();
    return token.group();
  }

  @Override
  public void close() {
    started.forEach(ServerProcess::close);
  }
}
