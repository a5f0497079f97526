package io.accessledger.events;

import static io.accessledger.events.EventIngestTest.json;
import static io.accessledger.events.EventIngestTest.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.AppendResult;
import io.accessledger.ledger.writer.LedgerBusyException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's push-back reaches {@link EventIngest}'s caller as a refusal, never as the ledger's
 * own exception: a full write queue is {@link IngestRefusal.Kind#BUSY}, a disk without room
 * {@link IngestRefusal.Kind#DISK_FULL}, each with the ledger's message and nothing written.
 */
class EventIngestPushBackTest {
  private static final String SOURCE = "case-system";

  @TempDir Path dir;
  private final CheckpointSigner signer = TestLedger.signer(0);
  private final EventValidator validator = new EventValidator(LegalBasisVocabulary.shipped());

  @Test
  void aFullWriteQueueIsBusy() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LedgerStore real = TestLedger.openStore(dir.resolve("ledger.db"))) {
      LedgerStore held = new ForwardingLedgerStore(real) {
        @Override
        public void append(AppendBatch batch) {
          if (!batch.leaves().isEmpty()) {
            writing.countDown();
            awaitQuietly(release);
          }
          super.append(batch);
        }
      };
      try (Sequencer sequencer = Sequencer.start(
          held, signer, Clock.systemUTC(), new SequencerSettings(1, 1, 10))) {
        try {
          // One write the writer holds, one queued behind it: the queue of one is full.
          CompletableFuture<AppendResult> first =
              sequencer.append(TestLedger.prepared("first", "child-1", "worker-1"));
          assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
          CompletableFuture<AppendResult> queued =
              sequencer.append(TestLedger.prepared("queued", "child-1", "worker-1"));
          EventIngest ingest = new EventIngest(sequencer, real, validator);

          IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, json(Events.fixture("view"))));

          assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.BUSY);
          assertThat(refused).hasMessage("the ledger's write queue is full; retry shortly")
              .hasCauseInstanceOf(LedgerBusyException.class);
          assertThat(refused.errors()).isEmpty();
          release.countDown();
          first.join();
          queued.join();
          assertThat(real.findEvent(SOURCE, "lcs:view:000123")).isEmpty();
          // The refusal let go of the eventId: the retry is appended.
          assertThat(ingest.postOne(SOURCE, json(Events.fixture("view"))).appended()).isTrue();
        } finally {
          release.countDown(); // never leave the writer held: closing the sequencer waits for it
        }
      }
    }
  }

  @Test
  void aDiskWithoutRoomIsDiskFull() {
    Path db = dir.resolve("ledger.db");
    TestLedger.buildFile(db, signer, 1);
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = Sequencer.start(store, signer, Clock.systemUTC(),
            SequencerSettings.defaults(), DiskReserve.of(dir, 1L << 60))) {
      EventIngest ingest = new EventIngest(sequencer, store, validator);

      IngestRefusal refused = refusal(() -> ingest.postOne(SOURCE, json(Events.fixture("view"))));

      assertThat(refused.kind()).isEqualTo(IngestRefusal.Kind.DISK_FULL);
      assertThat(refused.getMessage()).startsWith(LedgerDiskFullException.PREFIX)
          .contains("nothing was written");
      assertThat(refused).hasCauseInstanceOf(LedgerDiskFullException.class);
      assertThat(store.size()).isEqualTo(1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
