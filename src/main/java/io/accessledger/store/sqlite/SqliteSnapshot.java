package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.NodeIds;
import io.accessledger.store.RecordedEventId;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    // Per key id: {latest seq, rows, sum of seqs}, summed from groups of one span and one key,
    // which SQLite makes in the index's own order, with no sort. A group counts for its key only
    // if lookups find each of its rows where it belongs and read it back as the seq it is: the
    // span is one the ledger's entries occupy; every seq is an integer (NULL, text, blob or a
    // fraction is not, in a table rebuilt by hand) lying in that span. Text and blobs sort above
    // numbers, so the greatest seq shows them; NULLs show in COUNT(seq); a fraction shows as a
    // difference between the offsets summed exactly and summed truncated. The offsets in the span
    // (seq & 65535) are summed rather than the seqs, which could overflow SQLite's SUM (an error,
    // not a wrap) when rows are planted; this adds count * span start back. Anything else is
    // unreachable, and so is every row under a key id that names no key.
    long size = size();
    long newestSpan = size == 0 ? -1 : LinkSpans.of(size - 1);
    Map<Long, long[]> perKey = new HashMap<>();
    long[] unreachable = {-1, 0, 0};
    String offset = "(seq & " + ((1 << LinkSpans.BITS) - 1) + ")";
    try (Stream<long[]> groups = handle
        .createQuery("SELECT key_id, COALESCE(MAX(seq), -1), COUNT(*), SUM(" + offset + "), span,"
            + " COALESCE(typeof(key_id) = 'integer' AND typeof(span) = 'integer'"
            + " AND span BETWEEN 0 AND :newestSpan AND COUNT(seq) = COUNT(*)"
            + " AND typeof(MIN(seq)) = 'integer' AND typeof(MAX(seq)) = 'integer'"
            + " AND MIN(seq) >> " + LinkSpans.BITS + " = span"
            + " AND MAX(seq) >> " + LinkSpans.BITS + " = span"
            + " AND TOTAL(seq - (span << " + LinkSpans.BITS + ")) = SUM(" + offset + "), 0)"
            + " FROM link_index GROUP BY span, key_id")
        .bind("newestSpan", newestSpan)
        .setFetchSize(1024)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getLong(5), rs.getLong(6)})
        .stream()) {
      groups.forEach(group -> {
        boolean reachable = group[5] == 1;
        long[] sums = reachable
            ? perKey.computeIfAbsent(group[0], id -> new long[] {-1, 0, 0}) : unreachable;
        sums[0] = Math.max(sums[0], group[1]);
        sums[1] += group[2];
        // Java long arithmetic wraps, as the leaves' side does.
        sums[2] += group[3] + group[2] * (group[4] << LinkSpans.BITS);
      });
    }
    List<LinkKeySummary> summaries = new ArrayList<>();
    try (Stream<LinkKeySummary> keys = handle
        .createQuery("SELECT id, link_key FROM link_keys ORDER BY id")
        .setFetchSize(1024)
        .map((rs, ctx) -> {
          long[] sums = perKey.remove(rs.getLong(1));
          return sums == null ? new LinkKeySummary(rs.getString(2), -1, 0, 0)
              : new LinkKeySummary(rs.getString(2), sums[0], sums[1], sums[2]);
        })
        .stream()) {
      keys.forEach(summaries::add);
    }
    for (long[] sums : perKey.values()) { // key ids that name no key
      unreachable[0] = Math.max(unreachable[0], sums[0]);
      unreachable[1] += sums[1];
      unreachable[2] += sums[2];
    }
    if (unreachable[1] > 0) {
      summaries.add(new LinkKeySummary(null, unreachable[0], unreachable[1], unreachable[2]));
    }
    return summaries.stream();
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
  public List<GuardFault> appendOnlyGuardFaults() {
    try {
      return AppendOnlyTriggers.faults(handle.getConnection());
    } catch (SQLException e) {
      throw new StoreException("reading the ledger's triggers failed: " + e.getMessage(), e);
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
