package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.support.TestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDataSourcesTest {
  @TempDir Path dir;

  @Test
  void aNewLedgerGetsLargePagesAndWal() throws Exception {
    Path db = dir.resolve("new.db");
    try (SqliteLedgerStore store = TestLedger.openSqliteStore(db)) {
      assertThat(walAutocheckpoint(store)).as("64 MiB of 32 KiB pages").isEqualTo(2048);
      long sizeLimit = store.jdbi().withHandle(
          h -> h.createQuery("PRAGMA journal_size_limit").mapTo(Long.class).one());
      assertThat(sizeLimit).as("the WAL file is cut back to 64 MiB after a checkpoint")
          .isEqualTo(64L << 20);
    }
    assertThat(pragma(db, "page_size")).isEqualTo("32768");
    assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
  }

  @Test
  void anEmptyFileMadeWithOwnerOnlyModeKeepsItsModeAndGetsLargePages() throws Exception {
    Path db = Files.createFile(dir.resolve("private.db"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    TestLedger.openSqliteStore(db).close();
    assertThat(pragma(db, "page_size")).isEqualTo("32768");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db)))
        .isEqualTo("rw-------");
  }

  @Test
  void aLedgerMadeWithSmallerPagesKeepsThemAndStillWorks() throws Exception {
    Path db = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = 4096");
      s.execute("PRAGMA journal_mode = WAL");
    }
    CheckpointSigner signer = TestLedger.signer(0);
    try (SqliteLedgerStore store = TestLedger.openSqliteStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.append(TestLedger.prepared("e-1", "child-1", "worker-1")).join();
      assertThat(store.size()).isEqualTo(1);
      assertThat(walAutocheckpoint(store)).as("64 MiB of 4 KiB pages").isEqualTo(16384);
    }
    assertThat(pragma(db, "page_size")).isEqualTo("4096");
  }

  private static long walAutocheckpoint(SqliteLedgerStore store) {
    return store.jdbi().withHandle(
        h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Long.class).one());
  }

  private static String pragma(Path db, String name) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
