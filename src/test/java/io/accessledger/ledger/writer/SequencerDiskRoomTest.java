package io.accessledger.ledger.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The free-space reserve against a group commit of several groups, on a real SQLite ledger with a
 * free space the test chooses ({@link DiskReserve#probing}): only the groups that do not fit are
 * refused, the others batched with them are written, in order and without a gap.
 *
 * <p>The first write is held until the groups under test are queued, so that the writer takes them
 * all into one batch. With 32 KiB pages a batch of a few small events is expected to need about
 * 300 KiB, an extract release about 1 KiB more for each subject.
 */
class SequencerDiskRoomTest {
  private static final long MIB = 1L << 20;
  private static final long RESERVE = 4 * MIB;

  @TempDir Path dir;
  private final CheckpointSigner signer = TestLedger.signer(0);
  private final AtomicLong free = new AtomicLong(1L << 40);
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @Test
  void aLargeGroupThatDoesNotFitIsRefusedAloneAndTheSmallOnesBatchedWithItAreWritten()
      throws Exception {
    Path db = dir.resolve("ledger.db");
    try (LedgerStore real = TestLedger.openStore(db);
        Sequencer sequencer = start(real)) {
      CompletableFuture<AppendResult> first = holdFirstWrite(sequencer);
      free.set(RESERVE + MIB);
      CompletableFuture<AppendResult> post = sequencer.append(view("small-1", "case-system"));
      CompletableFuture<List<AppendResult>> extract = sequencer.appendGroup(release("big", 3000));
      CompletableFuture<AppendResult> other = sequencer.append(view("small-2", "other-system"));
      CompletableFuture<AppendResult> query = sequencer.append(view("small-3", "auditing"));
      this.release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).seq()).isZero();
      assertThat(List.of(post.join(), other.join(), query.join()))
          .extracting(AppendResult::seq).containsExactly(1L, 2L, 3L);
      assertThatThrownBy(extract::join)
          .isInstanceOf(CompletionException.class)
          .cause().isInstanceOf(LedgerDiskFullException.class)
          .hasMessageStartingWith("the ledger's disk is full: 5.0 MiB free, and this write needs"
              + " about ")
          .hasMessageContaining(" MiB, which would leave less than the 4.0 MiB kept in reserve")
          .hasMessageNotContaining("alongside");
      assertThat(sequencer.batchesWritten()).as("the small groups shared one batch").isEqualTo(2);
      assertThat(real.size()).isEqualTo(4);
      assertThat(real.findEvent("case-system", "big")).isEmpty();
      assertThat(real.findEvent("other-system", "small-2")).get()
          .extracting(io.accessledger.store.RecordedEvent::seq).isEqualTo(2L);
      assertThat(sequencer.lastFailure()).get().isInstanceOf(LedgerDiskFullException.class);

      free.set(1L << 40);
      assertThat(sequencer.appendGroup(release("big", 3000)).join().get(0).seq()).isEqualTo(4);
      assertThat(sequencer.lastFailure()).isEmpty();
    }
    VerificationResult result = TestLedger.verifyFile(db, signer.verifierKey());
    assertThat(result.isIntact()).as(result.problem()).isTrue();
  }

  @Test
  void whenNoGroupWouldFitAloneEveryGroupIsRefusedAndNothingIsWritten() throws Exception {
    Path db = dir.resolve("ledger.db");
    try (LedgerStore real = TestLedger.openStore(db);
        Sequencer sequencer = start(real)) {
      CompletableFuture<AppendResult> first = holdFirstWrite(sequencer);
      free.set(RESERVE + 64 * 1024);
      List<CompletableFuture<?>> refused = List.of(
          sequencer.append(view("small-1", "case-system")),
          sequencer.appendGroup(release("big", 3000)),
          sequencer.append(view("small-2", "other-system")));
      this.release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).seq()).isZero();
      for (CompletableFuture<?> future : refused) {
        assertThatThrownBy(future::join).cause()
            .isInstanceOf(LedgerDiskFullException.class)
            .hasMessageContaining("4.1 MiB free")
            .hasMessageNotContaining("alongside");
      }
      assertThat(real.size()).isEqualTo(1);
      assertThat(sequencer.batchesWritten()).isEqualTo(1);
      assertThat(sequencer.latestCheckpoint().size()).isEqualTo(1);
    }
    VerificationResult result = TestLedger.verifyFile(db, signer.verifierKey());
    assertThat(result.isIntact()).as(result.problem()).isTrue();
  }

  @Test
  void ofTwoGroupsThatFitAloneButNotTogetherTheLargerIsRefusedNamingBothFigures()
      throws Exception {
    Path db = dir.resolve("ledger.db");
    try (LedgerStore real = TestLedger.openStore(db);
        Sequencer sequencer = start(real)) {
      CompletableFuture<AppendResult> first = holdFirstWrite(sequencer);
      free.set(RESERVE + 5 * MIB / 2);
      CompletableFuture<List<AppendResult>> larger = sequencer.appendGroup(release("larger", 2000));
      CompletableFuture<List<AppendResult>> smaller = sequencer.appendGroup(release("smaller", 1000));
      this.release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).seq()).isZero();
      assertThat(smaller.join()).extracting(AppendResult::seq)
          .startsWith(1L, 2L).endsWith(1001L);
      assertThatThrownBy(larger::join).cause()
          .isInstanceOf(LedgerDiskFullException.class)
          .hasMessageMatching("(?s).*this write needs about \\d\\.\\d MiB \\(\\d\\.\\d MiB with the"
              + " writes committed alongside it\\), which would leave less than the 4.0 MiB.*");
      assertThat(real.size()).isEqualTo(1002);
    }
    VerificationResult result = TestLedger.verifyFile(db, signer.verifierKey());
    assertThat(result.isIntact()).as(result.problem()).isTrue();
  }

  /** A sequencer over {@code real} whose reserve reads {@link #free}; its first write waits. */
  private Sequencer start(LedgerStore real) {
    AtomicBoolean first = new AtomicBoolean(true);
    ForwardingLedgerStore held = new ForwardingLedgerStore(real) {
      @Override
      public void append(AppendBatch batch) {
        if (!batch.leaves().isEmpty() && first.getAndSet(false)) {
          holding.countDown();
          await(release);
        }
        super.append(batch);
      }
    };
    return Sequencer.start(held, signer, Clock.systemUTC(), SequencerSettings.defaults(),
        DiskReserve.probing(free::get, RESERVE));
  }

  /** Appends one event and waits until the writer is holding it, so that the next ones queue. */
  private CompletableFuture<AppendResult> holdFirstWrite(Sequencer sequencer) throws Exception {
    CompletableFuture<AppendResult> first = sequencer.append(view("first", "case-system"));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    return first;
  }

  private static PreparedEvent view(String eventId, String source) {
    return TestLedger.identified(TestLedger.view(eventId, "child-1", "worker-1"), source);
  }

  /** An extract release of {@code subjects} children and its subject entries, as one group. */
  private static List<PreparedEvent> release(String eventId, int subjects) {
    Map<String, Object> release = Map.of(
        "eventId", eventId, "type", "EXTRACT_RELEASE", "occurredAt", "2026-11-23T09:00:00Z",
        "actor", Map.of("id", "ig-officer"), "subjectCount", subjects);
    Map<String, Object> posted = new java.util.HashMap<>(release);
    posted.remove("subjectCount");
    List<Map<String, String>> ids = new ArrayList<>();
    for (int i = 0; i < subjects; i++) {
      ids.add(Map.of("id", "child-" + eventId + "-" + i));
    }
    posted.put("subjects", ids);
    List<PreparedEvent> group = new ArrayList<>();
    group.add(PreparedEvent.identified(
        release, new EventKey("case-system", eventId, TestLedger.postedDigest(posted))));
    for (int i = 0; i < subjects; i++) {
      group.add(PreparedEvent.extractSubject(eventId, i, "2026-11-23T09:00:00Z",
          ids.get(i).get("id"), i + 1, "case-system"));
    }
    return group;
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
