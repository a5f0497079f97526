package io.accessledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.auth.Role;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.TreeHasher;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Posting events end to end: what is stored, replays, conflicts, atomic batches and releases. */
@ExtendWith(DropwizardExtensionsSupport.class)
class IngestApiTest {
  static final ApiServer SERVER = new ApiServer();
  static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> APP = SERVER.app;
  static String ingest;
  static String otherSource;
  static String auditor;

  @BeforeAll
  static void clients() {
    ingest = SERVER.addClient("carefirst", Role.INGEST, "carefirst");
    otherSource = SERVER.addClient("healthlink", Role.INGEST, "healthlink");
    auditor = SERVER.addClient("dpo", Role.AUDITOR, null);
  }

  private LedgerEntry stored(long seq) throws Exception {
    JsonNode entry = SERVER.get(auditor, "/v1/entries/" + seq).json();
    return LeafCodec.decode(entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aViewIsStoredAsPostedWithTheClientsSourceAndLinks() throws Exception {
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", Json.view("i-view-1", "c-1", "w-1"));
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    JsonNode ack = answer.json();
    assertThat(ack.path("eventId").asText()).isEqualTo("i-view-1");
    assertThat(ack.has("subjectEntries")).isFalse();

    JsonNode entry = SERVER.get(auditor, "/v1/entries/" + ack.path("seq").asLong()).json();
    byte[] leaf = entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8);
    assertThat(TreeHasher.leafHash(leaf).hex()).isEqualTo(ack.path("leafHash").asText());
    LedgerEntry stored = LeafCodec.decode(leaf);
    assertThat(stored.source()).isEqualTo("carefirst");
    assertThat(stored.event()).containsEntry("eventId", "i-view-1")
        .containsEntry("subject", Map.of("id", "c-1"))
        .containsEntry("purpose", "case work");
    assertThat(stored.links()).containsOnlyKeys("subject:c-1", "actor:w-1", "record:case-note/note-c-1");
  }

  @Test
  void aReplayIsAnsweredWithTheOriginalAndAConflictIsRefused() {
    String body = Json.view("i-replay", "c-2", "w-1");
    JsonNode first = SERVER.post(ingest, "/v1/events", body).json();
    long size = SERVER.treeSize();

    // Same content in another layout is the same event: it canonicalises to the same bytes.
    ApiServer.Answer replay = SERVER.post(ingest, "/v1/events", body.replace("\n", "  \n"));
    assertThat(replay.status).isEqualTo(200);
    assertThat(replay.json()).isEqualTo(first);

    ApiServer.Answer conflict =
        SERVER.post(ingest, "/v1/events", Json.view("i-replay", "c-2", "w-9"));
    assertThat(conflict.status).isEqualTo(409);
    assertThat(conflict.json().path("message").asText()).contains("i-replay").contains("other content");
    assertThat(SERVER.treeSize()).isEqualTo(size);

    // eventIds are unique per source: another system may use the same one.
    ApiServer.Answer other = SERVER.post(otherSource, "/v1/events", Json.view("i-replay", "c-2", "w-9"));
    assertThat(other.status).isEqualTo(201);
  }

  @Test
  void anExtractReleaseBecomesTheReleaseAndOneEntryPerSubject() throws Exception {
    ApiServer.Answer answer =
        SERVER.post(ingest, "/v1/events", Json.extract("i-rel-1", "c-10", "c-11", "c-12"));
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    JsonNode ack = answer.json();
    long release = ack.path("seq").asLong();
    assertThat(ack.path("subjectEntries").path("first").asLong()).isEqualTo(release + 1);
    assertThat(ack.path("subjectEntries").path("last").asLong()).isEqualTo(release + 3);

    LedgerEntry releaseEntry = stored(release);
    assertThat(releaseEntry.event()).doesNotContainKey("subjects").containsEntry("subjectCount", 3L);
    assertThat(releaseEntry.links()).containsOnlyKeys("actor:ig-1");
    for (int i = 0; i < 3; i++) {
      LedgerEntry subject = stored(release + 1 + i);
      assertThat(subject.event()).isEqualTo(Map.of(
          "eventId", "i-rel-1#" + i, "occurredAt", "2026-11-23T11:00:00Z", "release", release,
          "subject", Map.of("id", "c-1" + i), "type", "EXTRACT_SUBJECT"));
      assertThat(subject.links()).containsOnlyKeys("subject:c-1" + i);
    }
    ApiServer.Answer replay =
        SERVER.post(ingest, "/v1/events", Json.extract("i-rel-1", "c-10", "c-11", "c-12"));
    assertThat(replay.status).isEqualTo(200);
    assertThat(replay.json()).isEqualTo(ack);
  }

  @Test
  void aBatchIsContiguousAndReplaysAreAnsweredInPlace() {
    JsonNode earlier = SERVER.post(ingest, "/v1/events", Json.view("i-b-0", "c-20", "w-2")).json();
    ApiServer.Answer answer = SERVER.post(ingest, "/v1/events/batch", Json.batch(
        Json.view("i-b-1", "c-20", "w-2"),
        Json.view("i-b-0", "c-20", "w-2"),
        Json.share("i-b-2", "c-20", "c-21"),
        Json.extract("i-b-3", "c-22")));
    assertThat(answer.status).as(answer.body).isEqualTo(201);
    JsonNode entries = answer.json().path("entries");
    assertThat(entries).hasSize(4);
    assertThat(entries.get(1)).isEqualTo(earlier);
    long first = entries.get(0).path("seq").asLong();
    assertThat(entries.get(2).path("seq").asLong()).isEqualTo(first + 1);
    assertThat(entries.get(3).path("seq").asLong()).isEqualTo(first + 2);
    assertThat(entries.get(3).path("subjectEntries").path("first").asLong()).isEqualTo(first + 3);

    ApiServer.Answer again = SERVER.post(ingest, "/v1/events/batch", Json.batch(
        Json.view("i-b-1", "c-20", "w-2"), Json.view("i-b-0", "c-20", "w-2")));
    assertThat(again.status).as("a batch of replays appends nothing").isEqualTo(200);
    assertThat(again.json().path("entries").get(0)).isEqualTo(entries.get(0));
  }

  @Test
  void concurrentPostersGetDistinctContiguousEntriesAndDuplicatesCollapse() throws Exception {
    long before = SERVER.treeSize();
    int posters = 8;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(posters);
    ConcurrentLinkedQueue<JsonNode> acks = new ConcurrentLinkedQueue<>();
    List<Future<?>> done = new ArrayList<>();
    for (int p = 0; p < posters; p++) {
      int poster = p;
      done.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          // Every poster also posts the same shared events: each must land exactly once.
          String id = i % 4 == 0 ? "i-shared-" + i : "i-c-" + poster + "-" + i;
          ApiServer.Answer answer = SERVER.post(ingest, "/v1/events", Json.view(id, "c-" + i, "w-x"));
          assertThat(answer.status).as(answer.body).isIn(200, 201);
          acks.add(answer.json());
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    int distinct = posters * each - (posters - 1) * (each / 4);
    assertThat(acks.stream().map(a -> a.path("seq").asLong()).distinct().count()).isEqualTo(distinct);
    for (int i = 0; i < each; i += 4) {
      String id = "i-shared-" + i;
      assertThat(acks.stream().filter(a -> a.path("eventId").asText().equals(id))
          .map(a -> a.path("seq").asLong()).distinct().count()).as(id).isEqualTo(1);
    }
    assertThat(SERVER.treeSize()).isEqualTo(before + distinct);
  }

  @Test
  void aMaintenanceEntryCannotBePostedByAClient() {
    long size = SERVER.treeSize();
    ApiServer.Answer posted = SERVER.post(ingest, "/v1/events", """
        {"eventId":"fake-maintenance","type":"MAINTENANCE","occurredAt":"2026-03-03T10:00:00Z",
         "actor":{"id":"x"},"purpose":"p","legalBasis":["UKGDPR-6-1-e"]}
        """);
    assertThat(posted.status).isEqualTo(422);
    assertThat(posted.body).contains("MAINTENANCE events are written by the ledger itself");
    assertThat(SERVER.treeSize()).isEqualTo(size);
  }
}
