package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.config.DataDirSigningKeys;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.support.CliRunner;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TestLedger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rotate-key config.yml} as an operator runs it (contract section 8): a separate JVM next to
 * a real server process, or with the server stopped. The log records a {@code KEY_ROTATION} entry
 * (source ledger, oldKey and newKey), {@code GET /v1/log} lists both keys with the sizes they
 * signed, checkpoints carry both signatures during the transition and the new one alone after it,
 * when the old private key file is gone; a SIGKILL and restart loses nothing acknowledged; {@code
 * verify --key OLD} and {@code verify-bundle --key OLD} still pass.
 */
class RotateKeyProcessTest {
  private static final String SOURCE = "rotation-test-system";
  /** Short enough to see the end of the transition within the test. */
  private static final String SHORT_TRANSITION = "-Ddw.ledger.keyTransition=6s";

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ServerProcess> servers = new ArrayList<>();
  private final List<Long> acknowledged = new ArrayList<>();
  private String ingest;
  private String auditor;

  @AfterEach
  void killServers() {
    servers.forEach(ServerProcess::close);
  }

  @Test
  void rotatesWhileTheServerRunsThenSurvivesKillNineAndRetiresTheOldKey() throws Exception {
    Path data = dir.resolve("data");
    ServerProcess server = start("first", data, SHORT_TRANSITION);
    clients(server);
    postViews(server, "before", 5);
    VerifierKey oldKey = verifierKey(server);

    Rotation rotation = rotateKey(server.config());
    assertThat(rotation.oldKey()).isEqualTo(oldKey);
    postViews(server, "during", 3);

    checkRotationEntry(server, rotation);
    JsonNode log = getJson(server, "/v1/log");
    assertThat(log.path("verifierKey").asText()).isEqualTo(rotation.newKey().toString());
    JsonNode keys = log.path("verifierKeys");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).path("key").asText()).isEqualTo(oldKey.toString());
    assertThat(keys.get(0).path("firstSize").asLong()).isEqualTo(0);
    // Null while the old key may still sign: its transition has not ended.
    assertThat(keys.get(0).path("lastSize").isNull()).as("the old key's lastSize").isTrue();
    assertThat(keys.get(1).path("key").asText()).isEqualTo(rotation.newKey().toString());
    assertThat(keys.get(1).path("firstSize").asLong()).isEqualTo(rotation.seq() + 1);
    assertThat(keys.get(1).path("lastSize").isNull()).as("the current key's lastSize").isTrue();
    // During the transition the latest checkpoint carries both signatures.
    assertSignedBy(checkpoint(server), rotation.oldKey(), rotation.newKey());
    assertThat(DataDirSigningKeys.otherKeyFile(data, oldKey)).exists();

    assertThat(server.kill()).isEqualTo(137);
    ServerProcess second = start("second", data, SHORT_TRANSITION);
    for (long seq : acknowledged) {
      assertThat(getJson(second, "/v1/entries/" + seq).path("seq").asLong()).isEqualTo(seq);
    }
    postViews(second, "after-restart", 2);
    assertThat(verifierKey(second)).isEqualTo(rotation.newKey());

    awaitTransitionEnd(second, rotation, data);
    assertThat(Files.readAllBytes(data.resolve("signing.key"))).isNotEmpty();
    // A checkpoint after the transition is signed by the new key alone.
    postViews(second, "after-transition", 1);
    String note = checkpoint(second);
    assertSignedBy(note, rotation.newKey());
    assertThat(signatureCount(note)).isEqualTo(1);
    // The old key is retired now: /v1/log names the last tree size it signed.
    JsonNode retired = getJson(second, "/v1/log").path("verifierKeys").get(0);
    assertThat(retired.path("key").asText()).isEqualTo(oldKey.toString());
    assertThat(retired.path("lastSize").isNumber()).as("the old key's lastSize").isTrue();
    long lastSize = retired.path("lastSize").asLong();
    assertThat(lastSize).isGreaterThan(rotation.seq());
    assertSignedBy(getJson(second, "/v1/entries/0?treeSize=" + lastSize).path("checkpoint")
        .asText(), oldKey, rotation.newKey());
    long after = getJson(second, "/v1/log").path("treeSize").asLong();
    assertSignedBy(getJson(second, "/v1/entries/0?treeSize=" + after).path("checkpoint")
        .asText(), rotation.newKey());
  }

  @Test
  void rotatesWithTheServerStoppedThenStartsWithTheNewKey() throws Exception {
    Path data = dir.resolve("data");
    ServerProcess server = start("first", data);
    clients(server);
    postViews(server, "before", 4);
    VerifierKey oldKey = verifierKey(server);
    assertThat(server.stop()).isIn(0, 143);

    Rotation rotation = rotateKey(server.config());
    assertThat(rotation.oldKey()).isEqualTo(oldKey);
    ServerProcess second = start("second", data);
    assertThat(verifierKey(second)).isEqualTo(rotation.newKey());
    postViews(second, "after", 3);
    checkRotationEntry(second, rotation);
    JsonNode keys = getJson(second, "/v1/log").path("verifierKeys");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(1).path("firstSize").asLong()).isEqualTo(rotation.seq() + 1);
    // The default transition (24 h) has not ended: both keys sign, the old key file is kept.
    assertSignedBy(checkpoint(second), oldKey, rotation.newKey());
    assertThat(DataDirSigningKeys.otherKeyFile(data, oldKey)).exists();
    for (long seq : acknowledged) {
      assertThat(getJson(second, "/v1/entries/" + seq).path("seq").asLong()).isEqualTo(seq);
    }

    // (c) verify with the old key alone, and a bundle through the API after the rotation.
    Path bundle = dir.resolve("bundle.json");
    HttpResponse<byte[]> answer = http.send(request(second, "/v1/evidence?subject=child-1")
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(answer.statusCode()).isEqualTo(200);
    Files.write(bundle, answer.body());
    assertThat(second.stop()).isIn(0, 143);

    int exit = ServerProcess.runCommand(dir, "verify.out", "verify", server.config().toString(),
        "--key", oldKey.toString());
    String verified = Files.readString(dir.resolve("verify.out"));
    assertThat(exit).as(verified).isZero();
    assertThat(verified).contains("ledger intact");

    CliRunner.Outcome outcome = CliRunner.run("verify-bundle", bundle.toString(), "--key",
        oldKey.toString());
    assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    assertThat(outcome.stdout()).contains("VERIFIED")
        .contains("keys:      " + oldKey + " -> " + rotation.newKey());
  }

  /** What {@code rotate-key} printed. */
  record Rotation(long seq, VerifierKey oldKey, VerifierKey newKey) {}

  private Rotation rotateKey(Path config) throws Exception {
    int exit = ServerProcess.runCommand(dir, "rotate-key.out", "rotate-key", config.toString());
    String output = Files.readString(dir.resolve("rotate-key.out"));
    assertThat(exit).as(output).isZero();
    long seq = Long.parseLong(line(output, "key rotated: entry ").split(",")[0]);
    return new Rotation(seq, VerifierKey.parse(line(output, "old key: ")),
        VerifierKey.parse(line(output, "new key: ")));
  }

  private static String line(String output, String prefix) {
    return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no line " + prefix + " in:\n" + output))
        .substring(prefix.length()).strip();
  }

  private void checkRotationEntry(ServerProcess server, Rotation rotation) throws Exception {
    JsonNode answer = getJson(server, "/v1/entries/" + rotation.seq());
    LedgerEntry entry = LeafCodec.decode(answer.path("leaf").asText()
        .getBytes(StandardCharsets.UTF_8));
    assertThat(entry.source()).isEqualTo("ledger");
    assertThat(entry.event()).containsEntry("type", "KEY_ROTATION")
        .containsEntry("oldKey", rotation.oldKey().toString())
        .containsEntry("newKey", rotation.newKey().toString())
        .containsKeys("eventId", "occurredAt");
    // The checkpoint that first covers the rotation is signed by the old key too.
    JsonNode covering = getJson(server, "/v1/entries/" + rotation.seq() + "?treeSize="
        + (rotation.seq() + 1));
    assertSignedBy(covering.path("checkpoint").asText(), rotation.oldKey(), rotation.newKey());
  }

  /** Posts (as auditor reads do) until the old key's file is destroyed; fails after 30 s. */
  private void awaitTransitionEnd(ServerProcess server, Rotation rotation, Path data)
      throws Exception {
    Path oldFile = DataDirSigningKeys.otherKeyFile(data, rotation.oldKey());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int n = 0;
    while (Files.exists(oldFile)) {
      assertThat(System.nanoTime()).as("the old key file %s is destroyed", oldFile)
          .isLessThan(deadline);
      Thread.sleep(300);
      postViews(server, "waiting-" + n++, 1);
    }
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no file of the old key is left").noneMatch(name -> name.startsWith("signing-"));
    }
  }

  private static void assertSignedBy(String note, VerifierKey... keys) {
    for (VerifierKey key : keys) {
      try {
        SignedCheckpoint.open(note, key);
      } catch (CheckpointException e) {
        throw new AssertionError("not signed by " + key + ": " + e.getMessage() + "\n" + note, e);
      }
    }
    assertThat(signatureCount(note)).isEqualTo(keys.length);
  }

  private static int signatureCount(String note) {
    try {
      return SignedCheckpoint.keyIdsNamed(note, TestLedger.ORIGIN).size();
    } catch (CheckpointException e) {
      throw new AssertionError(e);
    }
  }

  private ServerProcess start(String name, Path data, String... jvmOptions) throws Exception {
    ServerProcess server = ServerProcess.start(dir, name, data, List.of(jvmOptions));
    servers.add(server);
    return server;
  }

  private void clients(ServerProcess server) throws Exception {
    ingest = ServerProcess.addClient(server.config(), "records-system", "ingest", SOURCE);
    auditor = ServerProcess.addClient(server.config(), "rotation-auditor", "auditor", null);
  }

  private VerifierKey verifierKey(ServerProcess server) throws Exception {
    return VerifierKey.parse(getJson(server, "/v1/log").path("verifierKey").asText());
  }

  private String checkpoint(ServerProcess server) throws Exception {
    HttpResponse<String> answer = http.send(request(server, "/v1/checkpoint").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer.body();
  }

  private void postViews(ServerProcess server, String prefix, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("eventId", prefix + "-" + i);
      event.put("type", "VIEW");
      event.put("occurredAt", "2026-03-02T09:15:27.123Z");
      event.put("actor", Map.of("id", "sw-" + i, "role", "social-worker"));
      event.put("purpose", "Preparing the child in need review");
      event.put("legalBasis", List.of("UKGDPR-6-1-e"));
      event.put("subject", Map.of("id", "child-" + (i % 3)));
      event.put("record", Map.of("type", "case-note", "id", prefix + "-" + i));
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(server.uri("/v1/events"))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + ingest)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body() + "\n" + server.logTail()).isEqualTo(201);
      acknowledged.add(json.readTree(answer.body()).path("seq").asLong());
    }
  }

  private JsonNode getJson(ServerProcess server, String path) throws Exception {
    HttpResponse<String> answer = http.send(request(server, path).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private HttpRequest.Builder request(ServerProcess server, String path) {
    return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + auditor);
  }
}
