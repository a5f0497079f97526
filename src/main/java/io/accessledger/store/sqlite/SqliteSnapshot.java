package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import io.accessledger.ledger.NodeId;
import io.accessledger.ledger.StoredNode;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.RecordedEventId;
import io.accessledger.store.StoreException;
import java.sql.SQLException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * A SQLite read transaction held open on one connection. In WAL mode a reader keeps seeing the
 * database as of its first read and never blocks the writer, which is exactly a snapshot.
 *
 * <p>The transaction is begun with a plain (deferred) {@code BEGIN} rather than through the
 * connection's transaction API, which the pool configures to take the write lock at once.
 */
final class SqliteSnapshot implements LedgerSnapshot {
  private final Handle handle;
  private final LedgerDao dao;

  SqliteSnapshot(Handle handle) {
    this.handle = handle;
    try {
      handle.execute("BEGIN");
      this.dao = handle.attach(LedgerDao.class);
      dao.size(); // the first read fixes the snapshot
    } catch (RuntimeException e) {
      try {
        handle.execute("ROLLBACK");
      } catch (RuntimeException ignored) {
        // BEGIN itself failed: there is no transaction to end.
      }
      handle.close();
      throw new StoreException("cannot open a snapshot of the ledger: " + e.getMessage(), e);
    }
  }

  @Override
  public long size() {
    return dao.size();
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return dao.latestCheckpoint();
  }

  @Override
  public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
    return dao.checkpointsAfter(afterSize, limit);
  }

  @Override
  public Stream<StoredLeaf> leaves(long from, long to) {
    return handle
        .createQuery("SELECT seq, leaf, leaf_hash FROM leaves WHERE seq >= :from AND seq < :to ORDER BY seq")
        .bind("from", from)
        .bind("to", to)
        .setFetchSize(1024)
        .map(new StoredLeafMapper())
        .stream();
  }

  @Override
  public Stream<StoredNode> nodesAtLevel(int level) {
    if (level < 1) {
      throw new IllegalArgumentException("interior levels start at 1, got " + level);
    }
    return handle
        .createQuery("SELECT node_id, hash FROM merkle_nodes WHERE node_id >= :lo AND node_id < :hi ORDER BY node_id")
        .bind("lo", NodeIds.first(level))
        .bind("hi", NodeIds.first(level + 1))
        .setFetchSize(1024)
        .map((rs, ctx) -> new StoredNode(NodeIds.decode(rs.getLong(1)), Digest.of(rs.getBytes(2))))
        .stream();
  }

  @Override
  public Stream<LinkKeySummary> linkIndexSummary() {
    return handle
        // One pass over the index, grouped in its key order and materialised, as the key ids that
        // name no key are summed from the same groups; then the keys it has no rows for. The
        // answer is the same, in the same order (by key id, the no-key row last), as a join of
        // every key with its rows, which scanned the index twice (checked on random tables with
        // orphan ids and NULLs).
        .createQuery("WITH s AS MATERIALIZED (SELECT key_id, MAX(seq) AS latest,"
            + " COUNT(seq) AS n, COUNT(*) AS total FROM link_index GROUP BY key_id)"
            + " SELECT link_key, latest, n FROM ("
            + " SELECT k.id AS id, k.link_key AS link_key, COALESCE(s.latest, -1) AS latest,"
            + " s.n AS n FROM s JOIN link_keys k ON k.id = s.key_id"
            + " UNION ALL SELECT k.id, k.link_key, -1, 0 FROM link_keys k"
            + " WHERE NOT EXISTS (SELECT 1 FROM link_index i WHERE i.key_id = k.id)"
            + " UNION ALL SELECT NULL, NULL, COALESCE(MAX(s.latest), -1), SUM(s.total) FROM s"
            + " WHERE s.key_id NOT IN (SELECT id FROM link_keys) HAVING SUM(s.total) > 0)"
            + " ORDER BY id IS NULL, id")
        .setFetchSize(1024)
        .map((rs, ctx) -> new LinkKeySummary(rs.getString(1), rs.getLong(2), rs.getLong(3)))
        .stream();
  }

  @Override
  public Stream<RecordedEventId> eventIds() {
    // The table is keyed by (source, event_id), so this is a sort; SQLite's sorter spills to
    // temporary files, keeping memory flat, and saves the writer from maintaining an index on seq.
    return handle
        .createQuery("SELECT source, event_id, seq, content_hash FROM event_ids"
            + " ORDER BY seq, source, event_id")
        .setFetchSize(1024)
        .map((rs, ctx) -> new RecordedEventId(
            rs.getString(1), rs.getString(2), rs.getLong(3), digestOrNull(rs.getBytes(4))))
        .stream();
  }

  /** The schema allows only 32-byte hashes; a table rebuilt by hand may hold others. */
  private static Digest digestOrNull(byte[] bytes) {
    return bytes != null && bytes.length == Digest.LENGTH ? Digest.of(bytes) : null;
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    try {
      return StoredHashes.fetch(handle.getConnection(), ids);
    } catch (SQLException e) {
      throw new StoreException("reading Merkle nodes failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      handle.execute("ROLLBACK");
    } finally {
      handle.close();
    }
  }
}
