package io.accessledger.store.sqlite;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.NodeIds;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes one {@link AppendBatch} inside the caller's transaction.
 *
 * <p>This is the ledger's hot path, so it uses plain JDBC batches rather than Jdbi's SqlObject
 * binding: measured with {@code scripts/bench}, Jdbi's per-argument binding cost more CPU than
 * SQLite's own inserts. The statements are fixed and few; everything else in the store uses Jdbi.
 */
final class BatchWriter {
  private BatchWriter() {}

  /**
   * Checks the batch starts at the ledger's size, then inserts it. Returns the link key ids it
   * used, for the caller to cache once the transaction commits.
   */
  static Map<String, Long> write(Connection c, AppendBatch batch, LinkKeyIds cache)
      throws SQLException {
    long size;
    try (PreparedStatement count = c.prepareStatement("SELECT COALESCE(MAX(seq) + 1, 0) FROM leaves");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      size = rs.getLong(1);
    }
    if (!batch.leaves().isEmpty() && batch.firstSeq() != size) {
      throw new StaleTailException(
          "refusing batch at seq " + batch.firstSeq() + ": the ledger holds " + size
              + " entries (another writer?)");
    }
    long resulting = size + batch.leaves().size();
    if (batch.checkpoint().size() != resulting) {
      throw new StaleTailException(
          "refusing checkpoint of size " + batch.checkpoint().size() + ": the ledger would hold "
              + resulting + " entries");
    }
    if (batch.leaves().isEmpty()) {
      refuseUnlessNewer(c, batch.checkpoint().size());
    }
    Set<String> keys = new LinkedHashSet<>();
    for (EncodedLeaf leaf : batch.leaves()) {
      keys.addAll(leaf.linkKeys());
    }
    Map<String, Long> keyIds = LinkKeyResolver.creating(c, keys, cache);
    insertLeaves(c, batch);
    insertLinks(c, batch, keyIds);
    insertNodes(c, batch);
    insertEventIds(c, batch);
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO checkpoints (tree_size, note) VALUES (?, ?)")) {
      insert.setLong(1, batch.checkpoint().size());
      insert.setString(2, batch.checkpoint().note());
      insert.executeUpdate();
    }
    return keyIds;
  }

  /**
   * A batch of leaves extends the log only if it starts at the size, so its checkpoint is newer
   * than any stored. A checkpoint alone (the empty tree's, which every node starting on an empty
   * ledger signs) is checked here: of two nodes storing it at once, the second is refused as
   * stale, not failed on the duplicate key. Only for checkpoint-only batches: no cost per append.
   */
  private static void refuseUnlessNewer(Connection c, long size) throws SQLException {
    try (PreparedStatement latest = c.prepareStatement("SELECT MAX(tree_size) FROM checkpoints");
        ResultSet rs = latest.executeQuery()) {
      rs.next();
      long stored = rs.getLong(1);
      if (!rs.wasNull() && stored >= size) {
        throw new StaleTailException("refusing checkpoint of size " + size + ": the ledger already"
            + " holds a checkpoint of size " + stored + " (another writer?)");
      }
    }
  }

  private static void insertLeaves(Connection c, AppendBatch batch) throws SQLException {
    if (batch.leaves().isEmpty()) {
      return;
    }
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

  private static void insertLinks(Connection c, AppendBatch batch, Map<String, Long> keyIds)
      throws SQLException {
    int count = 0;
    for (EncodedLeaf leaf : batch.leaves()) {
      count += leaf.linkKeys().size();
    }
    if (count == 0) {
      return;
    }
    // Sorted as the index is keyed, so each page is visited once per batch. A batch's entries
    // are consecutive, so these rows fall in one span or two (LinkSpans).
    long[][] rows = new long[count][];
    int i = 0;
    for (EncodedLeaf leaf : batch.leaves()) {
      for (String key : leaf.linkKeys()) {
        rows[i++] = new long[] {LinkSpans.of(leaf.seq()), keyIds.get(key), leaf.seq()};
      }
    }
    Arrays.sort(rows, BatchWriter::compareRows);
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO link_index (span, key_id, seq) VALUES (?, ?, ?)")) {
      for (long[] row : rows) {
        insert.setLong(1, row[0]);
        insert.setLong(2, row[1]);
        insert.setLong(3, row[2]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static int compareRows(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = Long.compare(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static void insertEventIds(Connection c, AppendBatch batch) throws SQLException {
    PreparedStatement insert = null;
    try {
      for (EncodedLeaf leaf : batch.leaves()) {
        EventKey key = leaf.key();
        if (key == null) {
          continue;
        }
        if (insert == null) {
          insert = c.prepareStatement(
              "INSERT INTO event_ids (source, event_id, seq, content_hash) VALUES (?, ?, ?, ?)");
        }
        insert.setString(1, key.source());
        insert.setString(2, key.eventId());
        insert.setLong(3, leaf.seq());
        insert.setBytes(4, key.content().bytes());
        insert.addBatch();
      }
      if (insert != null) {
        insert.executeBatch();
      }
    } finally {
      if (insert != null) {
        insert.close();
      }
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
}
