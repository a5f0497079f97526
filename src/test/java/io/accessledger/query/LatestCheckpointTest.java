package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint reads answer against: the store's latest, so another node's appends are seen,
 * never older than this node's own, and never one the log's key did not sign.
 */
class LatestCheckpointTest {
  private final CheckpointSigner signer = TestLedger.signer(0);

  @TempDir Path dir;

  @Test
  void aCheckpointAnotherWriterStoredIsTheLatest() {
    Path db = dir.resolve("ledger.db");
    try (LedgerStore mine = TestLedger.openStore(db);
        LedgerStore theirs = TestLedger.openStore(db);
        Sequencer here = TestLedger.sequencer(mine, signer);
        Sequencer there = TestLedger.sequencer(theirs, signer)) {
      LatestCheckpoint latest = new LatestCheckpoint(mine, here, here.signing());
      here.append(TestLedger.prepared("mine", "c", "w")).join();
      assertThat(latest.current()).isEqualTo(here.latestCheckpoint());
      there.append(TestLedger.prepared("theirs", "c", "w")).join();
      assertThat(here.latestCheckpoint().size()).isEqualTo(1); // this node's writer lags
      assertThat(latest.current()).isEqualTo(there.latestCheckpoint());
      assertThat(latest.current().size()).isEqualTo(2);
    }
  }

  @Test
  void aStoredCheckpointTheKeyDidNotSignIsRefused() throws Exception {
    Path db = dir.resolve("ledger.db");
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.append(TestLedger.prepared("e", "c", "w")).join();
      String forged = TestLedger.signer(99).sign(new Checkpoint(TestLedger.ORIGIN, 5,
          Digest.ZERO));
      TestLedger.tamper(db, "INSERT INTO checkpoints (tree_size, note) VALUES (5, '"
          + forged + "')");
      LatestCheckpoint latest = new LatestCheckpoint(store, sequencer, sequencer.signing());
      assertThatThrownBy(latest::current).isInstanceOf(StoreException.class)
          .hasMessageContaining("latest stored checkpoint (tree size 5) does not verify");
    }
  }

  /**
   * What reading the latest checkpoint from the store adds to a read, against the append of the
   * read's own {@code AUDIT_QUERY} entry that comes first (one durable commit): measured here on
   * SQLite, printed, and bounded loosely so the check holds on a busy machine.
   */
  @Test
  void readingTheLatestCheckpointCostsLittleBesideTheReadsOwnAppend() {
    try (LedgerStore store = TestLedger.openStore(dir.resolve("ledger.db"));
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      LatestCheckpoint latest = new LatestCheckpoint(store, sequencer, sequencer.signing());
      int n = 400;
      long[] reads = new long[n];
      long[] appends = new long[n];
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        sequencer.append(TestLedger.prepared("e-" + i, "c", "w")).join();
        long appended = System.nanoTime();
        StoredCheckpoint read = latest.current();
        reads[i] = System.nanoTime() - appended;
        appends[i] = appended - start;
        assertThat(read.size()).isEqualTo(i + 1);
      }
      long read = median(reads);
      long append = median(appends);
      System.out.printf("latest checkpoint from the store: median %d us; an append: median %d us"
          + "%n", read / 1000, append / 1000);
      assertThat(read).isLessThan(append);
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
