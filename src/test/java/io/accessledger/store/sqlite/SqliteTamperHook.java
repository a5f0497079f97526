package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.NodeIds;
import io.accessledger.store.TamperHook;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@link TamperHook} for the SQLite ledger: raw SQL on the ledger file through a connection of its
 * own, as anyone who can open the file can run, after dropping the fourteen append-only triggers
 * (which anyone who can open it can also do). Each edit checks that it changed the rows it meant
 * to, so that a case can never pass because its edit silently did nothing.
 */
public final class SqliteTamperHook implements TamperHook {
  /** Reads back where lookups find it: a key's rows are filed under span {@code seq >> 16}. */
  private static final String SPAN = "? >> 16";
  private static final String KEY_ID = "(SELECT id FROM link_keys WHERE link_key = ?)";

  private final Path db;
  /** The next key id for {@link #addLinkRowUnderNoKey}: far above any a test ledger stores. */
  private long unusedKeyId = 99_999;

  public SqliteTamperHook(Path db) {
    this.db = db;
  }

  @Override
  public void rewriteLeaf(long seq, byte[] leaf, Digest hash) {
    edit(1, "UPDATE leaves SET leaf = ?, leaf_hash = ? WHERE seq = ?", leaf, hash.bytes(), seq);
  }

  @Override
  public void insertLeaf(long seq, byte[] leaf, Digest hash) {
    edit(1, "INSERT INTO leaves (seq, leaf, leaf_hash) VALUES (?, ?, ?)", seq, leaf, hash.bytes());
  }

  @Override
  public void deleteLeaves(long fromSeq, long toSeq) {
    edit(toSeq - fromSeq, "DELETE FROM leaves WHERE seq >= ? AND seq < ?", fromSeq, toSeq);
  }

  /** The primary key refuses a second row, so the table is rebuilt without one. */
  @Override
  public void storeLeafTwice(long seq) {
    script("CREATE TABLE loose (seq INTEGER, leaf BLOB, leaf_hash BLOB)",
        "INSERT INTO loose SELECT seq, leaf, leaf_hash FROM leaves",
        "INSERT INTO loose SELECT seq, leaf, leaf_hash FROM leaves WHERE seq = " + seq,
        "DROP TABLE leaves",
        "ALTER TABLE loose RENAME TO leaves");
  }

  @Override
  public void rewriteNode(NodeId id, Digest hash) {
    edit(1, "UPDATE merkle_nodes SET hash = ? WHERE node_id = ?", hash.bytes(), NodeIds.encode(id));
  }

  @Override
  public void writeCheckpoint(long treeSize, String note) {
    edit(1, "INSERT OR REPLACE INTO checkpoints (tree_size, note) VALUES (?, ?)", treeSize, note);
  }

  @Override
  public void deleteCheckpoints(long fromSize, long toSize) {
    edit(-1, "DELETE FROM checkpoints WHERE tree_size >= ? AND tree_size < ?", fromSize, toSize);
  }

  @Override
  public void addLinkRow(String linkKey, long seq) {
    edit(1, "INSERT INTO link_index (span, key_id, seq) VALUES (" + SPAN + ", " + KEY_ID + ", ?)",
        seq, linkKey, seq);
  }

  @Override
  public void deleteLinkRow(String linkKey, long seq) {
    edit(1, "DELETE FROM link_index WHERE key_id = " + KEY_ID + " AND seq = ?", linkKey, seq);
  }

  @Override
  public void addLinkRowUnderNoKey(long seq) {
    long keyId = unusedKeyId--;
    edit(1, "INSERT INTO link_index (span, key_id, seq) SELECT " + SPAN + ", ?, ?"
        + " WHERE NOT EXISTS (SELECT 1 FROM link_keys WHERE id = ?)", seq, keyId, seq, keyId);
  }

  @Override
  public void addEventId(String source, String eventId, long seq, Digest content) {
    edit(1, "INSERT INTO event_ids (source, event_id, seq, content_hash) VALUES (?, ?, ?, ?)",
        source, eventId, seq, content.bytes());
  }

  @Override
  public void deleteEventId(String source, String eventId) {
    edit(1, "DELETE FROM event_ids WHERE source = ? AND event_id = ?", source, eventId);
  }

  @Override
  public void moveEventId(String source, String eventId, long seq) {
    edit(1, "UPDATE event_ids SET seq = ? WHERE source = ? AND event_id = ?", seq, source, eventId);
  }

  /** A hash of another length than 32 bytes needs the column's CHECK switched off first. */
  @Override
  public void rewriteEventIdContent(String source, String eventId, byte[] content) {
    edit(false, 1, "UPDATE event_ids SET content_hash = ? WHERE source = ? AND event_id = ?",
        content, source, eventId);
  }

  @Override
  public void dropEventIdIndex() {
    script("DROP TABLE event_ids");
  }

  @Override
  public List<String> schemaGuards() {
    return TestLedger.APPEND_ONLY_TRIGGERS;
  }

  @Override
  public void removeAllGuards() {
    script();
  }

  @Override
  public void removeGuard(String name) {
    run(false, "DROP TRIGGER " + name);
  }

  @Override
  public void weakenGuard(String name) {
    String table = name.substring(0, name.lastIndexOf("_no_"));
    String operation = name.endsWith("_update") ? "UPDATE" : "DELETE";
    run(false, "DROP TRIGGER " + name, "CREATE TRIGGER " + name + " BEFORE " + operation + " ON "
        + table + " BEGIN SELECT 1; END");
  }

  @Override
  public void addLeafSwallower(String name) {
    run(false, "CREATE TRIGGER " + name + " BEFORE INSERT ON leaves BEGIN SELECT RAISE(IGNORE); END");
  }

  /**
   * Drops the triggers, then runs {@code sql} with {@code args} bound in order, which must change
   * {@code rows} rows (any number but none when {@code rows} is -1).
   */
  private void edit(long rows, String sql, Object... args) {
    edit(true, rows, sql, args);
  }

  /** As {@link #edit(long, String, Object...)}; unless {@code checked}, CHECK constraints are off. */
  private void edit(boolean checked, long rows, String sql, Object... args) {
    try (Connection c = connect()) {
      dropTriggers(c);
      if (!checked) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("PRAGMA ignore_check_constraints = ON");
        }
      }
      try (PreparedStatement statement = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        int changed = statement.executeUpdate();
        if (rows == -1 ? changed == 0 : changed != rows) {
          throw new IllegalStateException("the edit changed " + changed + " rows, not "
              + (rows == -1 ? "some" : rows) + ": " + sql);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the edit failed: " + sql, e);
    }
  }

  /** Drops the triggers, then runs {@code statements}. */
  private void script(String... statements) {
    run(true, statements);
  }

  private void run(boolean droppingTriggers, String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      if (droppingTriggers) {
        dropTriggers(c);
      }
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the edit failed: " + List.of(statements), e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db);
  }

  private static void dropTriggers(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String trigger : TestLedger.APPEND_ONLY_TRIGGERS) {
        s.executeUpdate("DROP TRIGGER IF EXISTS " + trigger);
      }
    }
  }
}
