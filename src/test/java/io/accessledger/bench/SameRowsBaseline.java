package io.accessledger.bench;

import io.accessledger.store.sqlite.SqliteDataSources;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The second baseline of {@code scripts/bench}: plain SQLite writing exactly the rows the sequencer
 * wrote (leaves with their hashes, Merkle nodes, new link keys, link index rows, event ids,
 * checkpoints) into the same schema, batch by batch, in the order {@code BatchWriter} writes them,
 * with the same commits and durability. What it leaves out is the ledger's own work: building and
 * hashing leaves, the tree, signing, and the lookups of link heads and key ids. So the sequencer's
 * speed against it measures the ledger's overhead over storing its data, where the bare-leaf
 * baseline measures the whole cost of its data layout too.
 */
final class SameRowsBaseline {
  private final List<Batch> batches = new ArrayList<>();

  /** One commit's rows, per table, in BatchWriter's order. */
  private record Batch(long size, List<Object[]> keys, List<Object[]> leaves, List<Object[]> links,
      List<Object[]> nodes, List<Object[]> eventIds, String checkpoint) {}

  private SameRowsBaseline() {}

  /** Reads every row of {@code ledgerDb} and groups them by the commit that wrote them. */
  static SameRowsBaseline load(Path ledgerDb) throws SQLException {
    SameRowsBaseline baseline = new SameRowsBaseline();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledgerDb)) {
      List<long[]> commits = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      query(c, "SELECT tree_size, note FROM checkpoints ORDER BY tree_size", rs -> {
        commits.add(new long[] {rs.getLong(1)});
        notes.add(rs.getString(2));
      });
      long[] ends = commits.stream().mapToLong(a -> a[0]).toArray();
      for (int i = 0; i < ends.length; i++) {
        baseline.batches.add(new Batch(ends[i], new ArrayList<>(), new ArrayList<>(),
            new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), notes.get(i)));
      }
      // A key was created by the commit holding the first entry that names it.
      query(c, "SELECT k.id, k.link_key, MIN(i.seq) FROM link_keys k JOIN link_index i"
          + " ON i.key_id = k.id GROUP BY k.id ORDER BY k.id", rs ->
          baseline.at(ends, rs.getLong(3)).keys().add(new Object[] {rs.getLong(1), rs.getString(2)}));
      query(c, "SELECT seq, leaf, leaf_hash FROM leaves ORDER BY seq", rs ->
          baseline.at(ends, rs.getLong(1)).leaves()
              .add(new Object[] {rs.getLong(1), rs.getBytes(2), rs.getBytes(3)}));
      query(c, "SELECT span, key_id, seq FROM link_index", rs ->
          baseline.at(ends, rs.getLong(3)).links()
              .add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}));
      // A node over leaves [index * 2^level, (index + 1) * 2^level) is made with its last leaf.
      query(c, "SELECT node_id, hash FROM merkle_nodes ORDER BY node_id", rs -> {
        long id = rs.getLong(1);
        baseline.at(ends, lastLeaf(id)).nodes().add(new Object[] {id, rs.getBytes(2)});
      });
      query(c, "SELECT source, event_id, seq, content_hash FROM event_ids ORDER BY seq", rs ->
          baseline.at(ends, rs.getLong(3)).eventIds()
              .add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)}));
    }
    for (Batch batch : baseline.batches) {
      batch.links().sort(Comparator.<Object[]>comparingLong(r -> (Long) r[0])
          .thenComparingLong(r -> (Long) r[1]).thenComparingLong(r -> (Long) r[2]));
      // In the order the writer makes them: by the leaf that completes them, then upwards.
      batch.nodes().sort(Comparator.<Object[]>comparingLong(r -> lastLeaf((Long) r[0]))
          .thenComparingLong(r -> level((Long) r[0])));
    }
    return baseline;
  }

  /** Writes the rows into a fresh ledger schema at {@code copyDb}; returns the seconds taken. */
  double write(Path copyDb) throws Exception {
    // The schema and page size, as the store makes them.
    TestLedger.openStore(copyDb).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copyDb)) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA cache_size=-65536");
        s.execute("PRAGMA mmap_size=2147418112");
        s.execute("PRAGMA wal_autocheckpoint="
            + SqliteDataSources.walAutocheckpointPages(SqliteDataSources.NEW_DATABASE_PAGE_SIZE));
        s.execute("PRAGMA journal_size_limit=" + SqliteDataSources.walSizeLimitBytes());
      }
      c.setAutoCommit(false);
      long started = System.nanoTime();
      try (PreparedStatement keys = c.prepareStatement(
              "INSERT INTO link_keys (id, link_key) VALUES (?, ?)");
          PreparedStatement leaves = c.prepareStatement(
              "INSERT INTO leaves (seq, leaf, leaf_hash) VALUES (?, ?, ?)");
          PreparedStatement links = c.prepareStatement(
              "INSERT INTO link_index (span, key_id, seq) VALUES (?, ?, ?)");
          PreparedStatement nodes = c.prepareStatement(
              "INSERT INTO merkle_nodes (node_id, hash) VALUES (?, ?)");
          PreparedStatement eventIds = c.prepareStatement(
              "INSERT INTO event_ids (source, event_id, seq, content_hash) VALUES (?, ?, ?, ?)");
          PreparedStatement checkpoint = c.prepareStatement(
              "INSERT INTO checkpoints (tree_size, note) VALUES (?, ?)")) {
        for (Batch batch : batches) {
          if (batch.size() == 0) {
            continue; // the empty tree's checkpoint, written when the ledger was made
          }
          insert(keys, batch.keys());
          insert(leaves, batch.leaves());
          insert(links, batch.links());
          insert(nodes, batch.nodes());
          insert(eventIds, batch.eventIds());
          checkpoint.setLong(1, batch.size());
          checkpoint.setString(2, batch.checkpoint());
          checkpoint.executeUpdate();
          c.commit();
        }
      }
      return (System.nanoTime() - started) / 1e9;
    }
  }

  private static void insert(PreparedStatement insert, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        insert.setObject(i + 1, row[i]);
      }
      insert.addBatch();
    }
    insert.executeBatch();
  }

  /** The batch whose commit wrote the entry {@code seq}. */
  private Batch at(long[] ends, long seq) {
    int i = Arrays.binarySearch(ends, seq + 1);
    return batches.get(i >= 0 ? i : -i - 1);
  }

  private static long level(long nodeId) {
    return nodeId >>> 48;
  }

  private static long lastLeaf(long nodeId) {
    long index = nodeId & ((1L << 48) - 1);
    return ((index + 1) << level(nodeId)) - 1;
  }

  private interface RowHandler {
    void accept(ResultSet rs) throws SQLException;
  }

  private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        handler.accept(rs);
      }
    }
  }
}
