package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.StoreException;
import io.accessledger.support.SmallDisk;
import io.accessledger.support.TempDirs;
import io.accessledger.support.TestLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite store on a real 16 MiB filesystem that runs out of space: SQLite's own full-disk
 * errors become {@link LedgerDiskFullException}, nothing is written, a failed write gives its WAL
 * space back, the WAL is sized for the small disk, and the same store writes again once space is
 * freed.
 */
class FullDiskStoreTest {
  private static SmallDisk disk;

  private final CheckpointSigner signer = TestLedger.signer(3);

  @BeforeAll
  static void mount() throws Exception {
    SmallDisk.assumeMountable();
    disk = SmallDisk.mount(TempDirs.deletedAtExit("full-disk-store").resolve("disk"), "16m");
  }

  @AfterAll
  static void unmount() throws Exception {
    if (disk != null) {
      disk.close();
    }
  }

  @AfterEach
  void emptyTheDisk() {
    TempDirs.deleteTree(disk.root().resolve("ledger"));
  }

  private Path ledgerDir() throws IOException {
    return Files.createDirectories(disk.root().resolve("ledger"));
  }

  private static long walBytes(Path db) throws IOException {
    Path wal = db.resolveSibling(db.getFileName() + "-wal");
    return Files.exists(wal) ? Files.size(wal) : 0;
  }

  private static List<PreparedEvent> views(String prefix, int count) {
    List<PreparedEvent> group = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      group.add(TestLedger.prepared(prefix + i, "child-" + (i % 50), "worker-" + (i % 5)));
    }
    return group;
  }

  private static Throwable failureOf(Sequencer sequencer, List<PreparedEvent> group) {
    try {
      sequencer.appendGroup(group).join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("the append succeeded on a full disk");
  }

  @Test
  void aCommitThatFindsTheDiskFullIsRefusedAsDiskFullAndTheStoreWritesAgainOnceSpaceIsFreed()
      throws Exception {
    Path db = ledgerDir().resolve("ledger.db");
    Path filler = ledgerDir().resolve("filler");
    try (SqliteLedgerStore store = TestLedger.openSqliteStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      TestLedger.appendViews(sequencer, 5);
      disk.fill(filler, 0);

      Throwable failure = failureOf(sequencer, views("full-", 2_000));
      assertThat(failure).isInstanceOf(LedgerDiskFullException.class)
          .hasMessageStartingWith("the ledger's disk is full: SQLite found no room to write"
              + " (SQLITE_FULL) during the append of batch at seq 5; nothing was written");
      assertThat(store.size()).as("nothing of the refused batch was stored").isEqualTo(5);

      Files.delete(filler);
      sequencer.appendGroup(views("after-", 10)).join();
      assertThat(store.size()).as("the same store writes again, no reopening").isEqualTo(15);
    }
    VerificationResult result = TestLedger.verifyFile(db, signer.verifierKey());
    assertThat(result.isIntact()).as(result.problem()).isTrue();
  }

  @Test
  void aFailedLargeWriteDoesNotLeaveItsWalBehind() throws Exception {
    Path db = ledgerDir().resolve("ledger.db");
    try (SqliteLedgerStore store = TestLedger.openSqliteStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      TestLedger.appendViews(sequencer, 3);
      disk.fill(ledgerDir().resolve("filler"), 6L << 20);

      // About 12 MiB of leaves and indexes: more than the disk has left.
      assertThat(failureOf(sequencer, views("extract-", 30_000)))
          .isInstanceOf(LedgerDiskFullException.class);
      assertThat(walBytes(db)).as("WAL after the failed write").isLessThan(WalLimits.MIN_BYTES);
      assertThat(disk.usable()).as("the failed write's space is free again")
          .isGreaterThan(5L << 20);
      assertThat(store.size()).isEqualTo(3);
    }
  }

  @Test
  void onASmallDiskTheWalIsCheckpointedAndCutBackAtAnEighthOfTheFreeSpace() throws Exception {
    Path db = ledgerDir().resolve("ledger.db");
    long usable = disk.usable();
    try (SqliteLedgerStore store = TestLedger.openSqliteStore(db)) {
      long limit = pragma(store, "journal_size_limit");
      assertThat(limit).as("an eighth of %d bytes free", usable)
          .isBetween(usable / WalLimits.FREE_SPACE_SHARE - (256L << 10),
              usable / WalLimits.FREE_SPACE_SHARE);
      assertThat(pragma(store, "wal_autocheckpoint"))
          .isEqualTo(limit / SqliteDataSources.NEW_DATABASE_PAGE_SIZE);
      try (Sequencer sequencer = TestLedger.sequencer(store, signer)) {
        for (int i = 0; i < 60; i++) {
          sequencer.append(TestLedger.prepared("one-" + i, "child-" + i, "worker-1")).join();
        }
      }
      // Sixty single-event commits write about 12 MiB of WAL; it is copied back and cut to size.
      assertThat(walBytes(db)).isLessThanOrEqualTo(
          pragma(store, "journal_size_limit") + (1L << 20));
    }
  }

  @Test
  void aReserveSmallerThanAnEighthOfTheFreeSpaceBoundsTheWal() throws Exception {
    Path db = ledgerDir().resolve("ledger.db");
    var dataSource = SqliteDataSources.pooled(
        db, new com.codahale.metrics.MetricRegistry(), 4, WalLimits.MIN_BYTES);
    try (SqliteLedgerStore store = SqliteLedgerStore.open(dataSource, dataSource::stop)) {
      assertThat(pragma(store, "wal_autocheckpoint")).as("1 MiB of 32 KiB pages").isEqualTo(32);
      assertThat(pragma(store, "journal_size_limit")).isEqualTo(WalLimits.MIN_BYTES);
    }
  }

  @Test
  void javasOwnNoSpaceErrorAndAnIoErrorOnAFullDiskAreDiskFullTooButNotOnADiskWithRoom()
      throws Exception {
    Path dir = ledgerDir();
    disk.fill(dir.resolve("filler"), 0);
    IOException noSpace = null;
    try {
      Files.write(dir.resolve("one-more"), new byte[64 * 1024]);
    } catch (IOException e) {
      noSpace = e;
    }
    assertThat(noSpace).as("the kernel refused the write").isNotNull();
    SqliteFailures onFullDisk = new SqliteFailures(Files.getFileStore(dir));
    assertThat(onFullDisk.translate("append", noSpace, 0, "nothing was written"))
        .isInstanceOf(LedgerDiskFullException.class)
        .hasMessageContaining("No space left on device during the append; nothing was written");

    // SQLite reports ENOSPC from fsync or from growing its -shm index as an I/O error.
    SQLiteException fsync = new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_FSYNC);
    assertThat(onFullDisk.translate("append", fsync, 0, "nothing was written"))
        .isInstanceOf(LedgerDiskFullException.class)
        .hasMessageContaining("SQLite reported an I/O error (SQLITE_IOERR_FSYNC) with only");
    SqliteFailures withRoom =
        new SqliteFailures(Files.getFileStore(TempDirs.deletedAtExit("room")));
    assertThat(withRoom.translate("append", fsync, 0, "nothing was written"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("append failed")
        .hasCause(fsync);
    SQLiteException constraint =
        new SQLiteException("UNIQUE constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
    assertThat(onFullDisk.translate("append", constraint, 0, "nothing was written"))
        .isInstanceOf(StoreException.class);
  }

  private static long pragma(SqliteLedgerStore store, String name) {
    return store.jdbi().withHandle(
        h -> h.createQuery("PRAGMA " + name).mapTo(Long.class).one());
  }
}
