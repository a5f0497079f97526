package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.sqlite.SqliteDataSources;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.SmallDisk;
import io.accessledger.support.TempDirs;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server, in its own JVM, with its data directory on a real 20 MiB filesystem and a 4 MiB
 * reserve: the WAL stays bounded; once the disk fills, posts and reads are 503 with
 * {@code Retry-After} and a message naming the full disk, and no read is answered unrecorded;
 * nothing acknowledged is lost; and once space is freed it writes again without a restart.
 */
class DiskFullApiTest {
  private static final long MIB = 1L << 20;
  private static final String SOURCE = "disk-test-system";
  /** The WAL's limit on this disk is an eighth of its 20 MiB; a commit may overshoot it a little. */
  private static final long WAL_BOUND = 4 * MIB;

  private static SmallDisk disk;

  @TempDir Path work;

  private ServerProcess server;
  private final Map<String, JsonNode> acks = new LinkedHashMap<>();
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void mount() throws Exception {
    SmallDisk.assumeMountable();
    disk = SmallDisk.mount(TempDirs.deletedAtExit("disk-full-api").resolve("disk"), "20m");
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterAll
  static void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aFullDiskIsA503NamingTheCauseForPostsAndReadsLosesNothingAndRecoversWithoutARestart()
      throws Exception {
    Path data = disk.root().resolve("data");
    server = ServerProcess.start(work, "disk", data, List.of("-Xmx512m",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Ddw.ledger.diskReserve=4MiB"));
    String ingest = ServerProcess.addClient(server.config(), "records-system", "ingest", SOURCE);
    String auditor = ServerProcess.addClient(server.config(), "disk-auditor", "auditor", null);

    // Single-event commits write about 200 KiB of WAL each: a 64 MiB threshold let the WAL take
    // the whole disk after under a hundred of them.
    for (int i = 0; i < 300; i++) {
      acknowledge(post(ingest, "/v1/events", view("single-" + i)));
      assertThat(walBytes(data)).as("WAL after %d posts", i + 1).isLessThanOrEqualTo(WAL_BOUND);
    }

    Path filler = disk.root().resolve("filler");
    disk.fill(filler, 5 * MIB);
    HttpResponse<String> refused = null;
    for (int i = 0; i < 1_000 && refused == null; i++) {
      HttpResponse<String> answer = post(ingest, "/v1/events/batch", batch("fill-" + i, 20));
      if (answer.statusCode() == 201) {
        json.readTree(answer.body()).get("entries").forEach(this::record);
      } else {
        refused = answer;
      }
    }
    assertDiskFull(refused, "the post that met the reserve");
    assertDiskFull(post(ingest, "/v1/events", view("refused-single")), "a single post");
    for (String token : List.of(auditor, ingest)) {
      HttpResponse<String> read = get(token, "/v1/log");
      assertDiskFull(read, "GET /v1/log");
      assertThat(json.readTree(read.body()).get("message").asText())
          .endsWith("every read is recorded before it is answered, so this read was not answered");
    }
    assertDiskFull(get(auditor, "/v1/entries/0"), "GET /v1/entries/0");
    JsonNode writer = json.readTree(adminGet("/healthcheck")).get("writer");
    assertThat(writer.get("healthy").asBoolean()).isFalse();
    assertThat(writer.get("message").asText()).contains("the ledger's disk is full");
    assertThat(walBytes(data)).isLessThanOrEqualTo(WAL_BOUND);

    Files.delete(filler);
    acknowledge(post(ingest, "/v1/events", view("after-freeing")));
    HttpResponse<String> read = get(auditor, "/v1/log");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.headers().firstValue("Ledger-Audit-Seq")).isPresent();

    // An extract naming 100 000 subjects needs more than the disk holds: refused whole, up front.
    long treeSize = json.readTree(read.body()).get("treeSize").asLong();
    assertDiskFull(post(ingest, "/v1/events", release("big-extract", 100_000)), "a large extract");
    assertThat(walBytes(data)).as("WAL after the refused extract").isLessThanOrEqualTo(WAL_BOUND);
    acknowledge(post(ingest, "/v1/events", view("after-extract")));
    assertThat(acks.get("after-extract").get("seq").asLong()).isEqualTo(treeSize);

    server.stop();
    assertEveryAcknowledgedEntryIsStored(data.resolve("ledger.db"));
    int verified = ServerProcess.runCommand(work, "verify.out", "verify", server.config().toString());
    assertThat(Files.readString(work.resolve("verify.out"))).contains("ledger intact");
    assertThat(verified).isZero();
  }

  private void assertDiskFull(HttpResponse<String> answer, String what) throws IOException {
    assertThat(answer).as("%s was never refused", what).isNotNull();
    assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).as(what).hasValue("30");
    assertThat(answer.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/json");
    assertThat(answer.headers().firstValue("Ledger-Audit-Seq")).as(what).isEmpty();
    JsonNode body = json.readTree(answer.body());
    assertThat(body.get("code").asInt()).isEqualTo(503);
    assertThat(body.get("message").asText()).as(what).startsWith("the ledger's disk is full: ");
  }

  private void assertEveryAcknowledgedEntryIsStored(Path db) {
    try (SqliteLedgerStore store =
        SqliteLedgerStore.openReadOnly(SqliteDataSources.readOnly(db))) {
      List<Long> seqs = acks.values().stream().map(ack -> ack.get("seq").asLong()).toList();
      Map<Long, String> stored = new LinkedHashMap<>();
      for (StoredLeaf leaf : store.leaves(seqs)) {
        stored.put(leaf.seq(), leaf.hash().hex());
      }
      acks.forEach((eventId, ack) -> assertThat(stored.get(ack.get("seq").asLong()))
          .as("entry of %s", eventId).isEqualTo(ack.get("leafHash").asText()));
      assertThat(acks).hasSizeGreaterThan(300);
    }
  }

  private void acknowledge(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    record(json.readTree(answer.body()));
  }

  private void record(JsonNode ack) {
    acks.put(ack.get("eventId").asText(), ack);
  }

  private static long walBytes(Path data) throws IOException {
    Path wal = data.resolve("ledger.db-wal");
    return Files.exists(wal) ? Files.size(wal) : 0;
  }

  private HttpResponse<String> post(String token, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String adminGet(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.adminUri(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private String batch(String prefix, int count) throws IOException {
    List<String> views = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      views.add(view(prefix + "-" + i));
    }
    return "[" + String.join(",", views) + "]";
  }

  private String view(String eventId) throws IOException {
    return json.writeValueAsString(Map.of("eventId", eventId, "type", "VIEW",
        "occurredAt", "2026-03-02T09:15:27.123Z",
        "actor", Map.of("id", "sw-" + (eventId.hashCode() & 15), "role", "social-worker"),
        "purpose", "Preparing the child in need review", "legalBasis", List.of("UKGDPR-6-1-e"),
        "subject", Map.of("id", "child-" + (eventId.hashCode() & 63)),
        "record", Map.of("type", "case-note", "id", "cn-" + eventId)));
  }

  private String release(String eventId, int subjects) throws IOException {
    List<Map<String, String>> ids = new ArrayList<>();
    for (int i = 0; i < subjects; i++) {
      ids.add(Map.of("id", "child-x" + i));
    }
    return json.writeValueAsString(Map.of("eventId", eventId, "type", "EXTRACT_RELEASE",
        "occurredAt", "2026-01-15T12:00:00Z",
        "actor", Map.of("id", "ig-0003", "role", "information-governance"),
        "purpose", "Evaluation of the Family Valued programme",
        "legalBasis", List.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4"),
        "recipient", Map.of("organisation", "What Works for Children's Social Care"), "agreement", "WWCSC-FAMILY-VALUED",
        "dataset", Map.of("name", "family-valued-extract-2026-01",
            "sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "rowCount", 12840, "pseudonymised", true, "categories", List.of("referrals"),
            "periodFrom", "2020-01-01", "periodTo", "2025-12-31"),
        "subjects", ids));
  }
}
