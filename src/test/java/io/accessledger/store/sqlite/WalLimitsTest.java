package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.AppendBatch;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAL's checkpoint threshold and file size limit follow the disk, and the WAL a commit is
 * expected to write (what the free-space reserve checks) is no less than it writes.
 */
class WalLimitsTest {
  private static final long MIB = 1L << 20;

  @TempDir Path dir;

  @Test
  void onADiskWithRoomTheWalMayGrowTo64MiB() {
    assertThat(WalLimits.bytes(80L << 30, 64 * MIB)).isEqualTo(64 * MIB);
    assertThat(WalLimits.bytes(512 * MIB, 64 * MIB)).isEqualTo(64 * MIB);
    assertThat(WalLimits.bytes(80L << 30, 0)).as("no reserve").isEqualTo(64 * MIB);
  }

  @Test
  void onASmallDiskItMayTakeAnEighthOfTheFreeSpace() {
    assertThat(WalLimits.bytes(20 * MIB, 64 * MIB)).isEqualTo(20 * MIB / 8);
    assertThat(WalLimits.bytes(256 * MIB, 0)).isEqualTo(32 * MIB);
  }

  @Test
  void neverMoreThanTheReserveSoThatACheckpointAlwaysFits() {
    assertThat(WalLimits.bytes(80L << 30, 16 * MIB)).isEqualTo(16 * MIB);
    assertThat(WalLimits.bytes(20 * MIB, 2 * MIB)).isEqualTo(2 * MIB);
  }

  @Test
  void neverLessThanOneMiBAndUnknownFreeSpaceCountsAsRoom() {
    assertThat(WalLimits.bytes(2 * MIB, 64 * MIB)).isEqualTo(MIB);
    assertThat(WalLimits.bytes(0, 64 * MIB)).isEqualTo(MIB);
    assertThat(WalLimits.bytes(20 * MIB, MIB / 2)).isEqualTo(MIB);
    assertThat(WalLimits.bytes(-1, 64 * MIB)).isEqualTo(64 * MIB);
  }

  @Test
  void theThresholdIsCountedInPagesOfTheFilesOwnSize() {
    assertThat(WalLimits.pages(64 * MIB, 32_768)).isEqualTo(2048);
    assertThat(WalLimits.pages(64 * MIB, 4096)).isEqualTo(16_384);
    assertThat(WalLimits.pages(100, 4096)).isEqualTo(1);
  }

  @Test
  void aCommitIsExpectedToRewriteEightPagesPlusTwiceItsPayload() {
    assertThat(WalLimits.commitBytes(600, 32_768)).isEqualTo(9 * (32_768 + 24));
    assertThat(WalLimits.commitBytes(10 * MIB, 32_768)).isEqualTo((640 + 8) * (32_768 + 24));
  }

  @Test
  void theExpectedGrowthOfACommitIsNoLessThanTheWalItWrites() throws Exception {
    Path db = dir.resolve("ledger.db");
    Path wal = dir.resolve("ledger.db-wal");
    List<long[]> measured = new ArrayList<>(); // {expected, written}
    try (SqliteLedgerStore sqlite = TestLedger.openSqliteStore(db)) {
      ForwardingLedgerStore measuring = new ForwardingLedgerStore(sqlite) {
        @Override
        public void append(AppendBatch batch) {
          try {
            // Each commit starts on an empty WAL, so the file's size after it is what it wrote.
            sqlite.jdbi().useHandle(h -> WalLimits.cutBack(h.getConnection(), 10_000));
            super.append(batch);
            measured.add(new long[] {expectedGrowth(batch), Files.size(wal)});
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      };
      try (Sequencer sequencer = Sequencer.start(measuring, TestLedger.signer(1),
          Clock.systemUTC(), SequencerSettings.defaults())) {
        TestLedger.appendViews(sequencer, 3);
        List<PreparedEvent> group = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
          group.add(TestLedger.prepared("g-" + i, "child-" + (i % 900), "worker-" + (i % 40)));
        }
        sequencer.appendGroup(group).join();
      }
    }
    assertThat(measured).as("the empty tree's checkpoint, 3 views, 1 group").hasSize(5).allSatisfy(m ->
        assertThat(m[0]).as("expected against written").isGreaterThanOrEqualTo(m[1]));
  }
}
