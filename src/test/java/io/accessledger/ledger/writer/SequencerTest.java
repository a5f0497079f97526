package io.accessledger.ledger.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequencerTest {
  @TempDir Path dir;
  private final CheckpointSigner signer = TestLedger.signer(0);

  private LedgerStore store() {
    return TestLedger.openStore(dir.resolve("ledger.db"));
  }

  @Test
  void extractSubjectEntriesNameTheSeqTheirReleaseWasGiven() throws Exception {
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      TestLedger.appendViews(sequencer, 3); // so the release does not land at seq 0
      Map<String, Object> release = Map.of(
          "eventId", "rel-1", "type", "EXTRACT_RELEASE", "occurredAt", "2026-11-23T09:00:00Z",
          "actor", Map.of("id", "ig-officer"), "subjectCount", 2);
      Map<String, Object> posted = new java.util.HashMap<>(release);
      posted.remove("subjectCount");
      posted.put("subjects", List.of(Map.of("id", "child-\"a\""), Map.of("id", "child-b")));
      EventKey key = new EventKey("case-system", "rel-1", TestLedger.postedDigest(posted));
      List<AppendResult> results = sequencer.appendGroup(List.of(
          PreparedEvent.identified(release, key),
          PreparedEvent.extractSubject("rel-1", 0, "2026-11-23T09:00:00Z", "child-\"a\"", 1,
              "case-system"),
          PreparedEvent.extractSubject("rel-1", 1, "2026-11-23T09:00:00Z", "child-b", 2,
              "case-system"))).get(10, TimeUnit.SECONDS);

      assertThat(results).extracting(AppendResult::seq).containsExactly(3L, 4L, 5L);
      LedgerEntry second = LeafCodec.decode(store.leaf(5).orElseThrow().leaf());
      assertThat(second.event()).isEqualTo(Map.of(
          "eventId", "rel-1#1", "occurredAt", "2026-11-23T09:00:00Z", "release", 3L,
          "subject", Map.of("id", "child-b"), "type", "EXTRACT_SUBJECT"));
      assertThat(second.links()).isEqualTo(Map.of("subject:child-b", -1L));
      LedgerEntry first = LeafCodec.decode(store.leaf(4).orElseThrow().leaf());
      assertThat(first.event().get("subject")).isEqualTo(Map.of("id", "child-\"a\""));
      assertThat(store.findEvent("case-system", "rel-1")).get()
          .extracting(io.accessledger.store.RecordedEvent::seq).isEqualTo(3L);
      assertThat(store.findEvent("case-system", "rel-1#0")).isEmpty();
    }
    try (LedgerStore store = store()) {
      VerificationResult result = new LedgerVerifier(store, signer.verifierKey()).verify();
      assertThat(result.isIntact()).as(result.problem()).isTrue();
    }
  }

  @Test
  void aGroupWhoseEntryNamesOneOutsideTheGroupIsRefused() {
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      PreparedEvent orphan =
          PreparedEvent.extractSubject("rel-1", 0, "2026-11-23T09:00:00Z", "c", 1, "case-system");
      assertThatThrownBy(() -> sequencer.appendGroup(List.of(orphan)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside the group");
    }
  }

  @Test
  void concurrentAppendersGetEveryEntryExactlyOnceUnderOneCheckpoint() throws Exception {
    int appenders = 8;
    int perAppender = 300;
    ConcurrentLinkedQueue<AppendResult> acknowledged = new ConcurrentLinkedQueue<>();
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      ExecutorService pool = Executors.newFixedThreadPool(appenders);
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int a = 0; a < appenders; a++) {
        int appender = a;
        done.add(CompletableFuture.runAsync(() -> {
          await(start);
          List<CompletableFuture<AppendResult>> mine = new ArrayList<>();
          for (int i = 0; i < perAppender; i++) {
            mine.add(sequencer.append(TestLedger.prepared(
                "a" + appender + "-" + i, "child-" + (i % 50), "worker-" + appender)));
          }
          mine.forEach(f -> acknowledged.add(f.join()));
        }, pool));
      }
      start.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      pool.shutdown();

      int total = appenders * perAppender;
      assertThat(acknowledged).hasSize(total);
      assertThat(acknowledged.stream().map(AppendResult::seq).sorted().toList())
          .as("no gaps and no duplicates")
          .containsExactlyElementsOf(java.util.stream.LongStream.range(0, total).boxed().toList());
      for (AppendResult result : acknowledged) {
        StoredLeaf stored = store.leaf(result.seq()).orElseThrow();
        assertThat(stored.hash()).isEqualTo(result.leafHash());
        assertThat(result.checkpointSize()).isGreaterThan(result.seq());
      }
      Checkpoint latest =
          SignedCheckpoint.open(sequencer.latestCheckpoint().note(), signer.verifierKey());
      assertThat(latest.size()).isEqualTo(total);
      assertThat(latest.root()).isEqualTo(MerkleProofs.root(total, store));
      assertThat(sequencer.batchesWritten()).as("appends were grouped").isLessThan(total);
    }
    try (LedgerStore store = store()) {
      VerificationResult result = new LedgerVerifier(store, signer.verifierKey()).verify();
      assertThat(result.isIntact()).as(result.problem()).isTrue();
      assertThat(store.checkpointsAfter(-1, 100_000)).hasSizeLessThan(appenders * perAppender);
    }
  }

  @Test
  void linksPointAtThePreviousEntryNamingEachKey() throws Exception {
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.append(TestLedger.prepared("e0", "child-a", "worker-1")).join();
      sequencer.append(TestLedger.prepared("e1", "child-b", "worker-1")).join();
      sequencer.append(TestLedger.prepared("e2", "child-a", "worker-2")).join();

      LedgerEntry third = LeafCodec.decode(store.leaf(2).orElseThrow().leaf());
      assertThat(third.links()).isEqualTo(Map.of(
          "subject:child-a", 0L,
          "actor:worker-2", -1L,
          "record:case-note/note-child-a", 0L));
      assertThat(third.prev()).isEqualTo(store.leaf(1).orElseThrow().hash());
      assertThat(third.source()).isEqualTo("case-system");
      assertThat(LeafCodec.decode(store.leaf(0).orElseThrow().leaf()).prev()).isEqualTo(Digest.ZERO);
      assertThat(store.seqsFor("subject:child-a", -1, 10)).containsExactly(0L, 2L);
      assertThat(store.seqsFor("actor:worker-1", -1, 10)).containsExactly(0L, 1L);
    }
  }

  @Test
  void aGroupGetsContiguousSeqsUnderOneCheckpoint() {
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.append(TestLedger.prepared("before", "child-a", "w")).join();
      List<PreparedEvent> group = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        group.add(TestLedger.prepared("g" + i, "child-" + i, "w"));
      }
      List<AppendResult> results = sequencer.appendGroup(group).join();
      assertThat(results).extracting(AppendResult::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(results).extracting(AppendResult::checkpointSize).containsOnly(6L);
    }
  }

  @Test
  void aRestartContinuesTheChainAndTheLinks() throws Exception {
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      TestLedger.appendViews(sequencer, 10);
    }
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      AppendResult next = sequencer.append(TestLedger.prepared("after", "child-3", "worker-0")).join();
      assertThat(next.seq()).isEqualTo(10);
      LedgerEntry entry = LeafCodec.decode(store.leaf(10).orElseThrow().leaf());
      assertThat(entry.prev()).isEqualTo(store.leaf(9).orElseThrow().hash());
      // child-3 was last named by entry 3 (i % 7 == 3); worker-0 by entry 9 (i % 3 == 0).
      assertThat(entry.links()).containsEntry("subject:child-3", 3L).containsEntry("actor:worker-0", 9L);
      assertThat(new LedgerVerifier(store, signer.verifierKey()).verify().isIntact()).isTrue();
    }
  }

  @Test
  void startingWithAnotherKeyIsRefused() {
    try (LedgerStore store = store();
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      TestLedger.appendViews(sequencer, 3);
    }
    try (LedgerStore store = store()) {
      assertThatThrownBy(() -> TestLedger.sequencer(store, TestLedger.signer(99)))
          .isInstanceOf(LedgerStateException.class)
          .hasMessageContaining("does not verify the ledger's latest checkpoint (tree size 3)");
      assertThat(store.size()).isEqualTo(3);
    }
  }

  @Test
  void aFailedWriteAcknowledgesNothingAndTheNextAppendContinues() throws Exception {
    AtomicBoolean failNext = new AtomicBoolean(false);
    try (LedgerStore real = store();
        Sequencer sequencer = Sequencer.start(new ForwardingLedgerStore(real) {
          @Override
          public void append(AppendBatch batch) {
            if (failNext.getAndSet(false)) {
              throw new StoreException("disk full (simulated)");
            }
            super.append(batch);
          }
        }, signer, Clock.systemUTC(), SequencerSettings.defaults())) {
      sequencer.append(TestLedger.prepared("ok-0", "child-a", "w")).join();
      failNext.set(true);
      assertThatThrownBy(() -> sequencer.append(TestLedger.prepared("lost", "child-a", "w")).join())
          .isInstanceOf(CompletionException.class)
          .hasMessageContaining("disk full");
      assertThat(real.size()).isEqualTo(1);
      AppendResult next = sequencer.append(TestLedger.prepared("ok-1", "child-a", "w")).join();
      assertThat(next.seq()).isEqualTo(1);
      LedgerEntry entry = LeafCodec.decode(real.leaf(1).orElseThrow().leaf());
      assertThat(entry.links()).containsEntry("subject:child-a", 0L);
      assertThat(new LedgerVerifier(real, signer.verifierKey()).verify().isIntact()).isTrue();
    }
  }

  @Test
  void aBatchRefusedAsStaleIsBuiltAgainAndOnlyAfterTooManyRefusalsFailsAsBusy() {
    AtomicInteger refusals = new AtomicInteger();
    AtomicInteger refuseNext = new AtomicInteger(3);
    try (LedgerStore real = store();
        Sequencer sequencer = Sequencer.start(new ForwardingLedgerStore(real) {
          @Override
          public void append(AppendBatch batch) {
            if (!batch.leaves().isEmpty() && refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              refusals.incrementAndGet();
              throw new StaleTailException("another writer appended first (simulated)");
            }
            super.append(batch);
          }
        }, signer, Clock.systemUTC(), SequencerSettings.defaults())) {
      assertThat(sequencer.append(TestLedger.prepared("again", "child-a", "w")).join().seq())
          .isZero();
      assertThat(refusals).hasValue(3);
      assertThat(sequencer.lastFailure()).isEmpty(); // a lost race is no failure

      refuseNext.set(BatchWriter.MAX_ATTEMPTS);
      assertThatThrownBy(() -> sequencer.append(TestLedger.prepared("lost", "child-a", "w")).join())
          .hasCauseInstanceOf(LedgerBusyException.class)
          .hasMessageContaining("other nodes appended first 16 times in a row");
      assertThat(refusals).hasValue(3 + BatchWriter.MAX_ATTEMPTS);
      assertThat(real.size()).isEqualTo(1);
      assertThat(sequencer.lastFailure()).containsInstanceOf(LedgerBusyException.class);
      assertThat(sequencer.append(TestLedger.prepared("next", "child-a", "w")).join().seq())
          .isEqualTo(1);
      assertThat(new LedgerVerifier(real, signer.verifierKey()).verify().isIntact()).isTrue();
    }
  }

  @Test
  void linksStayRightWhenTheHeadCacheEvicts() throws Exception {
    try (LedgerStore store = store();
        Sequencer sequencer = Sequencer.start(
            store, signer, Clock.systemUTC(), new SequencerSettings(4096, 1000, 1))) {
      for (int i = 0; i < 60; i++) {
        // One group per entry, so each batch looks heads up again from a one-key cache.
        sequencer.append(TestLedger.prepared("e" + i, "child-" + (i % 5), "worker-" + (i % 4)))
            .join();
      }
      LedgerEntry last = LeafCodec.decode(store.leaf(59).orElseThrow().leaf());
      assertThat(last.links()).containsEntry("subject:child-4", 54L).containsEntry("actor:worker-3", 55L);
      VerificationResult result = new LedgerVerifier(store, signer.verifierKey()).verify();
      assertThat(result.isIntact()).as(result.problem()).isTrue();
    }
  }

  @Test
  void aCommitThatLandsButReportsAnErrorIsAcknowledged() throws Exception {
    AtomicBoolean failAfter = new AtomicBoolean(false);
    try (LedgerStore real = store();
        Sequencer sequencer = Sequencer.start(new ForwardingLedgerStore(real) {
          @Override
          public void append(AppendBatch batch) {
            super.append(batch);
            if (failAfter.getAndSet(false)) {
              throw new StoreException("connection reset after commit (simulated)");
            }
          }
        }, signer, Clock.systemUTC(), SequencerSettings.defaults())) {
      sequencer.append(TestLedger.prepared("a", "child-a", "w")).join();
      failAfter.set(true);
      assertThat(sequencer.append(TestLedger.prepared("b", "child-a", "w")).join().seq())
          .isEqualTo(1);
      assertThat(sequencer.lastFailure()).isEmpty();
      AppendResult next = sequencer.append(TestLedger.prepared("c", "child-a", "w")).join();
      assertThat(next.seq()).isEqualTo(2);
      assertThat(LeafCodec.decode(real.leaf(2).orElseThrow().leaf()).links())
          .containsEntry("subject:child-a", 1L);
      assertThat(new LedgerVerifier(real, signer.verifierKey()).verify().isIntact()).isTrue();
    }
  }

  @Test
  void closingWritesEverythingAlreadyQueued() {
    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
    try (LedgerStore store = store()) {
      Sequencer sequencer = TestLedger.sequencer(store, signer);
      for (int i = 0; i < 200; i++) {
        futures.add(sequencer.append(TestLedger.prepared("q" + i, "c", "w")));
      }
      sequencer.close();
      assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted());
      assertThat(futures.stream().map(CompletableFuture::join).map(AppendResult::seq))
          .hasSize(200);
      assertThat(store.size()).isEqualTo(200);
      assertThat(sequencer.append(TestLedger.prepared("late", "c", "w")))
          .isCompletedExceptionally();
    }
  }

  @Test
  void aFullQueueRefusesAtOnceWithBusy() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch writing = new CountDownLatch(1);
    try (LedgerStore real = store();
        Sequencer sequencer = Sequencer.start(new ForwardingLedgerStore(real) {
          @Override
          public void append(AppendBatch batch) {
            if (!batch.leaves().isEmpty()) {
              writing.countDown();
              await(release);
            }
            super.append(batch);
          }
        }, signer, Clock.systemUTC(), new SequencerSettings(1, 1, 10))) {
      CompletableFuture<AppendResult> first = sequencer.append(TestLedger.prepared("1", "c", "w"));
      assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<AppendResult> queued = sequencer.append(TestLedger.prepared("2", "c", "w"));
      CompletableFuture<AppendResult> refused = sequencer.append(TestLedger.prepared("3", "c", "w"));
      assertThat(refused).isCompletedExceptionally();
      assertThatThrownBy(refused::join).hasCauseInstanceOf(LedgerBusyException.class);
      release.countDown();
      assertThat(first.join().seq()).isEqualTo(0);
      assertThat(queued.join().seq()).isEqualTo(1);
      assertThat(real.size()).isEqualTo(2);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
