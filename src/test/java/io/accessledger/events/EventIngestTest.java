package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.accessledger.api.EventAck;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EventIngest} as a service, with no HTTP in sight: over a real SQLite ledger it answers
 * acknowledgements, or refuses with the {@link IngestRefusal.Kind} a front end maps, having
 * written nothing. (Back-pressure and a full disk: {@link EventIngestPushBackTest}.)
 */
class EventIngestTest {
  private static final String SOURCE = "case-system";

  @TempDir Path dir;
  private final CheckpointSigner signer = TestLedger.signer(0);
  private LedgerStore store;
  private Sequencer sequencer;
  private EventIngest ingest;

  @BeforeEach
  void open() {
    store = TestLedger.openStore(dir.resolve("ledger.db"));
    sequencer = TestLedger.sequencer(store, signer);
    ingest = new EventIngest(sequencer, store, new EventValidator(LegalBasisVocabulary.shipped()));
  }

  @AfterEach
  void close() {
    sequencer.close();
    store.close();
  }

  static byte[] json(Object value) {
    return CanonicalJson.serialize(value);
  }

  static IngestRefusal refusal(Runnable post) {
    return catchThrowableOfType(post::run, IngestRefusal.class);
  }

  @Test
  void aNewEventIsAppendedUnderThePostersSourceAndAcknowledgedWithItsEntry() throws Exception {
    EventIngest.Accepted accepted = ingest.postOne(SOURCE, json(Events.fixture("view")));

    assertThat(accepted.appended()).isTrue();
    EventAck ack = accepted.acks().get(0);
    assertThat(ack.seq()).isZero();
    assertThat(ack.eventId()).isEqualTo("lcs:view:000123");
    assertThat(ack.subjectEntries()).isNull();
    assertThat(ack.leafHash()).isEqualTo(store.leaf(0).orElseThrow().hash().hex());
    assertThat(LeafCodec.decode(store.leaf(0).orElseThrow().leaf()).source()).isEqualTo(SOURCE);
  }

  @Test
  void aReplayIsAnsweredWithTheOriginalEntryAndWritesNothing() {
    EventAck first = ingest.postOne(SOURCE, json(Events.fixture("view"))).acks().get(0);
    long size = store.size();

    // The same content in another layout is the same event.
    byte[] spaced = new String(json(Events.fixture("view")), StandardCharsets.UTF_8)
        .replace(",", " ,\n ").getBytes(StandardCharsets.UTF_8);
    EventIngest.Accepted replay = ingest.postOne(SOURCE, spaced);

    assertThat(replay.appended()).isFalse();
    assertThat(replay.acks()).containsExactly(first);
    assertThat(store.size()).isEqualTo(size);
  }

  @Test
  void theSameEventIdWithOtherContentIsAConflictThatWritesNothing() {
    ingest.postOne(SOURCE, json(Events.fixture("view")));
    long size = store.size();
    Map<String, Object> other = Events.fixture("view");
    Events.set(other, "purpose", "something else");

    IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, json(other)));

    assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.CONFLICT);
    assertThat(refused).hasMessage("eventId lcs:view:000123 from case-system is already in the"
        + " log (seq 0) with other content; nothing was appended");
    assertThat(refused.errors()).isEmpty();
    assertThat(store.size()).isEqualTo(size);
    // eventIds are unique per source: another system may use the same one.
    assertThat(ingest.postOne("health-system", json(other)).appended()).isTrue();
  }

  @Test
  void anExtractReleaseIsAcknowledgedWithTheRangeOfItsSubjectEntries() {
    ingest.postOne(SOURCE, json(Events.fixture("view")));
    EventAck ack = ingest.postOne(SOURCE, json(Events.fixture("extract-release"))).acks().get(0);

    assertThat(ack.seq()).isEqualTo(1);
    assertThat(ack.subjectEntries()).isEqualTo(new EventAck.SubjectEntries(2, 4));
    assertThat(store.size()).isEqualTo(5);
  }

  @Test
  void malformedJsonIsRefusedAsMalformed() {
    IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, "{\"eventId\":".getBytes()));

    assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.MALFORMED);
    assertThat(refused.getMessage()).startsWith("malformed JSON: ");
    assertThat(refused.errors()).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void anInvalidEventIsRefusedNamingEachField() {
    Map<String, Object> event = Events.fixture("view");
    Events.remove(event, "actor.id");
    Events.remove(event, "purpose");

    IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, json(event)));

    assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.INVALID);
    assertThat(refused.errors()).containsExactlyInAnyOrder("actor.id: required", "purpose: required");
    assertThat(refused).hasMessage("invalid event: " + refused.errors().get(0));
    assertThat(store.size()).isZero();
  }

  @Test
  void aBodyThatIsNotAnObjectIsInvalid() {
    IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, "[]".getBytes()));

    assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.INVALID);
    assertThat(refused.errors()).containsExactly("the body: must be a JSON object");
  }

  @Test
  void anEventOverTheLimitIsTooLargeUnlessItsSubjectsMakeItSo() {
    byte[] padded = (new String(json(Events.fixture("view")), StandardCharsets.UTF_8)
        + " ".repeat(EventIngest.MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);

    IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, padded));

    assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.TOO_LARGE);
    assertThat(refused).hasMessage("the body is " + padded.length + " bytes; an event may be at"
        + " most 1048576 bytes (only an EXTRACT_RELEASE may be larger)");
    assertThat(store.size()).isZero();
  }

  @Test
  void aBatchIsAppendedAllOrNothingAndAnswersInPostedOrder() {
    EventAck earlier = ingest.postOne(SOURCE, json(Events.fixture("view"))).acks().get(0);
    Map<String, Object> second = Events.fixture("view");
    Events.set(second, "eventId", "second");
    Map<String, Object> broken = Events.fixture("view");
    Events.set(broken, "eventId", "broken");
    Events.remove(broken, "actor.id");

    IngestRefusal refused = refusal(() ->
        ingest.postBatch(SOURCE, json(List.of(second, broken))));
    assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.INVALID);
    assertThat(refused.errors()).containsExactly("[1].actor.id: required");
    assertThat(refused).hasMessage("invalid batch, nothing was appended: [1].actor.id: required");
    assertThat(store.findEvent(SOURCE, "second")).isEmpty();

    EventIngest.Accepted accepted =
        ingest.postBatch(SOURCE, json(List.of(Events.fixture("view"), second)));
    assertThat(accepted.appended()).isTrue();
    assertThat(accepted.acks()).extracting(EventAck::eventId)
        .containsExactly("lcs:view:000123", "second");
    assertThat(accepted.acks().get(0)).isEqualTo(earlier);
    assertThat(accepted.acks().get(1).seq()).isEqualTo(1);

    EventIngest.Accepted replayed =
        ingest.postBatch(SOURCE, json(List.of(second, Events.fixture("view"))));
    assertThat(replayed.appended()).isFalse();
    assertThat(replayed.acks()).containsExactly(accepted.acks().get(1), earlier);
  }

  @Test
  void aBatchNamesTheIndexOfAConflictOrARepeatedEventId() {
    ingest.postOne(SOURCE, json(Events.fixture("view")));
    Map<String, Object> fresh = Events.fixture("view");
    Events.set(fresh, "eventId", "fresh");
    Map<String, Object> changed = Events.fixture("view");
    Events.set(changed, "purpose", "something else");

    IngestRefusal conflict = refusal(() -> ingest.postBatch(SOURCE, json(List.of(fresh, changed))));
    assertThat(conflict.kind()).isEqualTo(IngestRefusal.Kind.CONFLICT);
    assertThat(conflict.getMessage()).startsWith("event [1]: eventId lcs:view:000123 from ");

    IngestRefusal repeated = refusal(() -> ingest.postBatch(SOURCE, json(List.of(fresh, fresh))));
    assertThat(repeated.kind()).isEqualTo(IngestRefusal.Kind.INVALID);
    assertThat(repeated.errors()).containsExactly("[1].eventId: repeats the eventId of event [0]");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aBatchMustBeAnArrayOfOneToAThousandEventsWithinTheBodyLimit() {
    assertThat(refusal(() -> ingest.postBatch(SOURCE, "{}".getBytes())).errors())
        .containsExactly("(body): must be a JSON array of events");
    assertThat(refusal(() -> ingest.postBatch(SOURCE, "[]".getBytes())).errors())
        .containsExactly("(body): must hold at least one event");

    List<Object> many = new ArrayList<>();
    for (int i = 0; i <= EventIngest.MAX_BATCH_EVENTS; i++) {
      many.add(Map.of());
    }
    IngestRefusal tooMany = refusal(() -> ingest.postBatch(SOURCE, json(many)));
    assertThat(tooMany.kind()).isEqualTo(IngestRefusal.Kind.TOO_LARGE);
    assertThat(tooMany).hasMessage("the batch holds 1001 events; at most 1000 are allowed");

    byte[] big = ("[" + " ".repeat(EventIngest.MAX_BODY_BYTES) + "]").getBytes();
    IngestRefusal tooBig = refusal(() -> ingest.postBatch(SOURCE, big));
    assertThat(tooBig.kind()).isEqualTo(IngestRefusal.Kind.TOO_LARGE);
    assertThat(tooBig).hasMessage("the batch is 1048578 bytes; a batch may be at most 1048576");
    assertThat(store.size()).isZero();
  }

  @Test
  void theSameEventPostedByManyAtOnceIsAppendedOnce() throws Exception {
    byte[] body = json(Events.fixture("view"));
    ExecutorService posters = Executors.newFixedThreadPool(8);
    try {
      List<Future<EventIngest.Accepted>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(posters.submit(() -> ingest.postOne(SOURCE, body)));
      }
      List<EventIngest.Accepted> accepted = new ArrayList<>();
      for (Future<EventIngest.Accepted> answer : answers) {
        accepted.add(answer.get());
      }
      assertThat(accepted).filteredOn(EventIngest.Accepted::appended).hasSize(1);
      assertThat(accepted).extracting(a -> a.acks().get(0)).containsOnly(accepted.get(0).acks().get(0));
      assertThat(store.size()).isEqualTo(1);
    } finally {
      posters.shutdownNow();
    }
  }
}
