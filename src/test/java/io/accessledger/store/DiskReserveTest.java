package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The free-space reserve, against the real free space of the test's own filesystem: a write that
 * would leave less than the reserve is refused with the cause named, one that leaves more passes,
 * and the sequencer refuses a whole batch before writing any of it.
 */
class DiskReserveTest {
  private static final long GIB = 1L << 30;

  @TempDir Path dir;

  private long usable() throws Exception {
    return Files.getFileStore(dir).getUsableSpace();
  }

  @Test
  void aWriteThatLeavesTheReserveFreePasses() {
    DiskReserve reserve = DiskReserve.of(dir, 1 << 20);
    reserve.check(4096);
    assertThat(reserve.bytes()).isEqualTo(1 << 20);
  }

  @Test
  void aReserveLargerThanTheFreeSpaceRefusesEveryWriteNamingTheFigures() throws Exception {
    DiskReserve reserve = DiskReserve.of(dir, usable() + GIB);
    assertThatThrownBy(() -> reserve.check(300 * 1024))
        .isInstanceOf(LedgerDiskFullException.class)
        .hasMessageStartingWith("the ledger's disk is full: ")
        .hasMessageContaining("free, and this write needs about 300.0 KiB, which would leave less"
            + " than the ")
        .hasMessageContaining("kept in reserve (ledger.diskReserve); nothing was written")
        .hasMessageContaining("writes resume without a restart")
        .hasMessageNotContaining(dir.toString());
  }

  @Test
  void theWritesOwnSizeCountsAgainstTheFreeSpace() throws Exception {
    DiskReserve reserve = DiskReserve.of(dir, 1 << 20);
    assertThatThrownBy(() -> reserve.check(usable()))
        .isInstanceOf(LedgerDiskFullException.class);
  }

  @Test
  void aZeroReserveKeepsNoneAndANegativeOneIsRefused() {
    DiskReserve none = DiskReserve.of(dir, 0);
    none.check(Long.MAX_VALUE / 2);
    assertThat(none.bytes()).isZero();
    assertThatThrownBy(() -> DiskReserve.of(dir, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 0 or more bytes, got -1");
  }

  @Test
  void sizesAreWrittenForPeople() {
    assertThat(DiskReserve.describe(512)).isEqualTo("512 bytes");
    assertThat(DiskReserve.describe(64L << 20)).isEqualTo("64.0 MiB");
    assertThat(DiskReserve.describe(3_250_000)).isEqualTo("3.1 MiB");
    assertThat(DiskReserve.describe(5 * GIB / 2)).isEqualTo("2.5 GiB");
  }

  @Test
  void theSequencerRefusesABatchThatWouldEatIntoTheReserveAndWritesNothing() throws Exception {
    CheckpointSigner signer = TestLedger.signer(0);
    Path db = dir.resolve("ledger.db");
    try (LedgerStore store = TestLedger.openStore(db)) {
      try (Sequencer roomy = TestLedger.sequencer(store, signer)) {
        TestLedger.appendViews(roomy, 2);
      }
      DiskReserve tooLarge = DiskReserve.of(dir, usable() + GIB);
      try (Sequencer sequencer = Sequencer.start(
          store, signer, Clock.systemUTC(), SequencerSettings.defaults(), tooLarge)) {
        assertThatThrownBy(() -> sequencer.append(
                TestLedger.prepared("refused", "child-1", "worker-1")).join())
            .isInstanceOf(CompletionException.class)
            .cause().isInstanceOf(LedgerDiskFullException.class);
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.findEvent("case-system", "refused")).isEmpty();
        assertThat(sequencer.lastFailure()).get().isInstanceOf(LedgerDiskFullException.class);
        assertThat(sequencer.latestCheckpoint().size()).isEqualTo(2);
      }
    }
    VerificationResult result = TestLedger.verifyFile(db, signer.verifierKey());
    assertThat(result.isIntact()).as(result.problem()).isTrue();
  }
}
