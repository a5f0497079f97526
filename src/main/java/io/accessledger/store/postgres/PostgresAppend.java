package io.accessledger.store.postgres;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.sqlite.NodeIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Writes one {@link AppendBatch} inside the caller's transaction, fence first.
 *
 * <p>The first write inserts the batch's checkpoint with {@code prev_size}, the size of the
 * checkpoint it extends, which is UNIQUE: the compare-and-swap on the previous checkpoint
 * (Sunlight's fence). The one statement inserts the row only if, as committed when it starts,
 * the latest checkpoint is the one the batch extends and the leaves end where the batch starts;
 * otherwise it inserts nothing and the batch is stale. Of two transactions extending the same
 * checkpoint, the second waits on that unique index entry until the first ends, then fails with
 * a unique violation ({@link PostgresFailures} makes it stale too). No checkpoint can be committed
 * past {@code prev} without some row with {@code prev_size = prev}, so a statement that saw
 * {@code prev} as the latest and then got its row in holds the tail alone until it commits or
 * rolls back: this row is the "row lock in the same transaction as the leaf inserts".
 * {@code SELECT ... FOR UPDATE} would need the UPDATE privilege, which the server's role does
 * not have, and an in-process lock would serialise only one node's writers.
 *
 * <p>Only then are the link keys, leaves, link rows, nodes and event ids inserted. Plain JDBC
 * batches, rewritten into multi-row inserts by the driver, as SQLite's writer does for the same
 * reason: this is the hot path.
 */
final class PostgresAppend {
  /**
   * The fence: inserts the checkpoint extending the latest one, if the latest is below it and
   * both it and the leaves end at the batch's first seq (bound twice); inserts nothing otherwise.
   */
  private static final String FENCE = "INSERT INTO checkpoints (tree_size, prev_size, note)"
      + " SELECT ?, t.latest, ? FROM (SELECT COALESCE(MAX(tree_size), -1) AS latest"
      + " FROM checkpoints) t WHERE t.latest < ? AND GREATEST(t.latest, 0) = ?"
      + " AND (SELECT COALESCE(MAX(seq) + 1, 0) FROM leaves) = ?";

  private PostgresAppend() {}

  /**
   * Inserts the batch; the caller commits. {@code keyIds} is where the link keys' ids are found
   * or made ({@link PostgresLinkKeys}); returns the ids used, for the caller to remember once
   * committed.
   *
   * @throws StaleTailException if the batch does not extend the committed log; nothing is
   *     written then
   */
  static Map<String, Long> write(Connection c, AppendBatch batch, PostgresLinkKeys keyIds)
      throws SQLException {
    // Where the batch starts: its first seq, or for a checkpoint alone the size it signs.
    long start = batch.leaves().isEmpty() ? batch.checkpoint().size() : batch.firstSeq();
    int fenced;
    try (PreparedStatement fence = c.prepareStatement(FENCE)) {
      fence.setLong(1, batch.checkpoint().size());
      fence.setString(2, batch.checkpoint().note());
      fence.setLong(3, batch.checkpoint().size());
      fence.setLong(4, start);
      fence.setLong(5, start);
      fenced = fence.executeUpdate();
    }
    if (fenced != 1) {
      throw stale(c, batch);
    }
    if (batch.leaves().isEmpty()) {
      return Map.of();
    }
    Map<String, Long> ids = keyIds.resolveCreating(c, batch);
    insertLeaves(c, batch);
    insertLinks(c, batch, ids);
    insertNodes(c, batch);
    insertEventIds(c, batch);
    return ids;
  }

  /** Why the fence inserted nothing, as read now (off the hot path: the batch is refused). */
  private static StaleTailException stale(Connection c, AppendBatch batch) throws SQLException {
    long size = leafCount(c);
    if (!batch.leaves().isEmpty() && batch.firstSeq() != size) {
      return new StaleTailException("refusing batch at seq " + batch.firstSeq() + ": the ledger"
          + " holds " + size + " entries (another writer?)");
    }
    return new StaleTailException("refusing checkpoint of size " + batch.checkpoint().size()
        + ": the ledger holds " + size + " entries and its latest checkpoint covers "
        + single(c, "SELECT COALESCE(MAX(tree_size), -1) FROM checkpoints")
        + " (another writer?)");
  }

  static long leafCount(Connection c) throws SQLException {
    return single(c, "SELECT COALESCE(MAX(seq) + 1, 0) FROM leaves");
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void insertLeaves(Connection c, AppendBatch batch) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO leaves (seq, leaf, leaf_hash) VALUES (?, ?, ?)")) {
      for (EncodedLeaf leaf : batch.leaves()) {
        insert.setLong(1, leaf.seq());
        insert.setBytes(2, leaf.leaf());
        insert.setBytes(3, leaf.hash().bytes());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertLinks(Connection c, AppendBatch batch, Map<String, Long> ids)
      throws SQLException {
    int count = 0;
    for (EncodedLeaf leaf : batch.leaves()) {
      count += leaf.linkKeys().size();
    }
    if (count == 0) {
      return;
    }
    // In index order, so each index page is visited once per batch.
    long[][] rows = new long[count][];
    int i = 0;
    for (EncodedLeaf leaf : batch.leaves()) {
      for (String key : leaf.linkKeys()) {
        rows[i++] = new long[] {ids.get(key), leaf.seq()};
      }
    }
    Arrays.sort(rows, Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]));
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO link_index (key_id, seq) VALUES (?, ?)")) {
      for (long[] row : rows) {
        insert.setLong(1, row[0]);
        insert.setLong(2, row[1]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertNodes(Connection c, AppendBatch batch) throws SQLException {
    if (batch.nodes().isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO merkle_nodes (node_id, hash) VALUES (?, ?)")) {
      for (StoredNode node : batch.nodes()) {
        insert.setLong(1, NodeIds.encode(node.id()));
        insert.setBytes(2, node.hash().bytes());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertEventIds(Connection c, AppendBatch batch) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO event_ids (source, event_id, seq, content_hash) VALUES (?, ?, ?, ?)")) {
      int rows = 0;
      for (EncodedLeaf leaf : batch.leaves()) {
        EventKey key = leaf.key();
        if (key != null) {
          insert.setString(1, key.source());
          insert.setString(2, key.eventId());
          insert.setLong(3, leaf.seq());
          insert.setBytes(4, key.content().bytes());
          insert.addBatch();
          rows++;
        }
      }
      if (rows > 0) {
        insert.executeBatch();
      }
    }
  }
}
