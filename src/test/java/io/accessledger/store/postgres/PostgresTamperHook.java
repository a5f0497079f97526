package io.accessledger.store.postgres;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.NodeIds;
import io.accessledger.store.TamperHook;
import io.accessledger.support.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@link TamperHook} for the PostgreSQL ledger: raw SQL as the tables' owner (a DBA, or anyone
 * with the owner's password), after dropping the twenty-one append-only triggers, which the owner
 * may do. Where a constraint stands in the way of an edit (a primary key, the checkpoint fence's
 * UNIQUE, a CHECK on a hash's length) the edit drops it first, as such an attacker would. Each
 * edit checks it changed the rows it meant to, so a case never passes because its edit did
 * nothing.
 */
final class PostgresTamperHook implements TamperHook {
  private static final String KEY_ID = "(SELECT id FROM link_keys WHERE link_key = ?)";

  private final TestDatabase db;
  /** The next key id for {@link #addLinkRowUnderNoKey}: far above any a test ledger stores. */
  private long unusedKeyId = 99_999;

  PostgresTamperHook(TestDatabase db) {
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

  /** The primary key refuses a second row, so it is dropped first. */
  @Override
  public void storeLeafTwice(long seq) {
    script("ALTER TABLE leaves DROP CONSTRAINT leaves_pkey");
    edit(1, "INSERT INTO leaves SELECT * FROM leaves WHERE seq = ?", seq);
  }

  @Override
  public void rewriteNode(NodeId id, Digest hash) {
    edit(1, "UPDATE merkle_nodes SET hash = ? WHERE node_id = ?", hash.bytes(), NodeIds.encode(id));
  }

  /** A new checkpoint needs a {@code prev_size}: the fence's UNIQUE is dropped to give it one. */
  @Override
  public void writeCheckpoint(long treeSize, String note) {
    script("ALTER TABLE checkpoints DROP CONSTRAINT IF EXISTS checkpoints_prev_size_key");
    edit(1, "INSERT INTO checkpoints (tree_size, prev_size, note) VALUES (?, (SELECT"
        + " COALESCE(MAX(tree_size), -1) FROM checkpoints WHERE tree_size < ?), ?)"
        + " ON CONFLICT (tree_size) DO UPDATE SET note = EXCLUDED.note", treeSize, treeSize, note);
  }

  @Override
  public void deleteCheckpoints(long fromSize, long toSize) {
    edit(-1, "DELETE FROM checkpoints WHERE tree_size >= ? AND tree_size < ?", fromSize, toSize);
  }

  @Override
  public void addLinkRow(String linkKey, long seq) {
    edit(1, "INSERT INTO link_index (key_id, seq) VALUES (" + KEY_ID + ", ?)", linkKey, seq);
  }

  @Override
  public void deleteLinkRow(String linkKey, long seq) {
    edit(1, "DELETE FROM link_index WHERE key_id = " + KEY_ID + " AND seq = ?", linkKey, seq);
  }

  @Override
  public void addLinkRowUnderNoKey(long seq) {
    long keyId = unusedKeyId--;
    edit(1, "INSERT INTO link_index (key_id, seq) SELECT ?, ?"
        + " WHERE NOT EXISTS (SELECT 1 FROM link_keys WHERE id = ?)", keyId, seq, keyId);
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

  /** A hash of another length than 32 bytes needs the column's CHECK dropped first. */
  @Override
  public void rewriteEventIdContent(String source, String eventId, byte[] content) {
    script("ALTER TABLE event_ids DROP CONSTRAINT IF EXISTS event_ids_content_hash_check");
    edit(1, "UPDATE event_ids SET content_hash = ? WHERE source = ? AND event_id = ?",
        content, source, eventId);
  }

  @Override
  public void dropEventIdIndex() {
    script("DROP TABLE event_ids");
  }

  @Override
  public List<String> schemaGuards() {
    return List.copyOf(PostgresGuards.schemaGuards().keySet());
  }

  @Override
  public void removeAllGuards() {
    script();
  }

  @Override
  public void removeGuard(String name) {
    run(false, "DROP TRIGGER " + name + " ON " + table(name));
  }

  @Override
  public void weakenGuard(String name) {
    String operation = name.substring(name.lastIndexOf("_no_") + 4).toUpperCase(java.util.Locale.ROOT);
    run(false, "CREATE OR REPLACE FUNCTION ledger_allow() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RETURN COALESCE(NEW, OLD); END $$",
        "DROP TRIGGER " + name + " ON " + table(name),
        "CREATE TRIGGER " + name + " BEFORE " + operation + " ON " + table(name) + " FOR EACH "
            + (operation.equals("TRUNCATE") ? "STATEMENT" : "ROW")
            + " EXECUTE FUNCTION ledger_allow()");
  }

  @Override
  public void addLeafSwallower(String name) {
    run(false, "CREATE OR REPLACE FUNCTION ledger_swallow() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RETURN NULL; END $$",
        "CREATE TRIGGER " + name + " BEFORE INSERT ON leaves FOR EACH ROW"
            + " EXECUTE FUNCTION ledger_swallow()");
  }

  private static String table(String guard) {
    return guard.substring(0, guard.lastIndexOf("_no_"));
  }

  /**
   * Drops the triggers, then runs {@code sql} with {@code args} bound in order, which must change
   * {@code rows} rows (any number but none when {@code rows} is -1).
   */
  private void edit(long rows, String sql, Object... args) {
    try (Connection c = db.ownerConnection()) {
      dropTriggers(c);
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
    try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
      if (droppingTriggers) {
        dropTriggers(c);
      }
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the edit failed: " + List.of(statements), e);
    }
  }

  private static void dropTriggers(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String guard : PostgresGuards.schemaGuards().keySet()) {
        s.execute("DROP TRIGGER IF EXISTS " + guard + " ON " + table(guard));
      }
    }
  }
}
