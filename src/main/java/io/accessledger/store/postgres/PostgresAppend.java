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
 * checkpoint it extends, which is UNIQUE: the compare-and-swap on the previous checkpoint. Of two
 * transactions extending the same checkpoint, the second waits on that unique index entry until
 * the first ends, then fails (it is this row lock that serialises nodes; {@code SELECT ... FOR
 * UPDATE} would need UPDATE privilege, which the server's role does not have). Then, while the
 * fence is held, the batch is checked against what is committed: the latest other checkpoint must
 * be the one the batch extends and the leaves must end where the batch starts, else it is stale.
 * Only then are the leaves, link rows, nodes and event ids inserted. Plain JDBC batches, rewritten
 * into multi-row inserts by the driver, as SQLite's writer does for the same reason: this is the
 * hot path.
 */
final class PostgresAppend {
  private PostgresAppend() {}

  /**
   * Inserts the batch; the caller commits. {@code keyIds} is where the link keys' ids are found
   * or made ({@link PostgresLinkKeys}); returns the ids used, for the caller to remember once
   * committed.
   *
   * @throws StaleTailException if the batch does not extend the committed log
   */
  static Map<String, Long> write(Connection c, AppendBatch batch, PostgresLinkKeys keyIds)
      throws SQLException {
    long prev = latestCheckpointSize(c);
    if (!batch.leaves().isEmpty() && batch.firstSeq() != Math.max(prev, 0)) {
      throw stale(batch, leafCount(c));
    }
    if (batch.leaves().isEmpty() && batch.checkpoint().size() <= prev) {
      throw new StaleTailException("refusing checkpoint of size " + batch.checkpoint().size()
          + ": the ledger's latest checkpoint covers " + prev + " entries (another node?)");
    }
    try (PreparedStatement fence = c.prepareStatement(
        "INSERT INTO checkpoints (tree_size, prev_size, note) VALUES (?, ?, ?)")) {
      fence.setLong(1, batch.checkpoint().size());
      fence.setLong(2, prev);
      fence.setString(3, batch.checkpoint().note());
      fence.executeUpdate();
    }
    // The fence is held: no other append extending `prev` can commit now. Re-read what is
    // committed, in case one did between the first read and the fence.
    long size = leafCount(c);
    if (latestCheckpointSizeBelow(c, batch.checkpoint().size()) != prev
        || (!batch.leaves().isEmpty() && size != batch.firstSeq())) {
      throw stale(batch, size);
    }
    if (batch.checkpoint().size() != size + batch.leaves().size()) {
      throw new StaleTailException("refusing checkpoint of size " + batch.checkpoint().size()
          + ": the ledger would hold " + (size + batch.leaves().size()) + " entries");
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

  private static StaleTailException stale(AppendBatch batch, long size) {
    return new StaleTailException("refusing batch at seq " + batch.firstSeq() + ": the ledger"
        + " holds " + size + " entries (another writer?)");
  }

  private static long latestCheckpointSize(Connection c) throws SQLException {
    return single(c, "SELECT COALESCE(MAX(tree_size), -1) FROM checkpoints");
  }

  private static long latestCheckpointSizeBelow(Connection c, long size) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(
        "SELECT COALESCE(MAX(tree_size), -1) FROM checkpoints WHERE tree_size < ?")) {
      query.setLong(1, size);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
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
