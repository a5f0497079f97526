package io.accessledger.store.postgres;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.RecordedEventId;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.sqlite.NodeIds;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * A REPEATABLE READ, READ ONLY transaction held open on one connection: PostgreSQL's snapshot is
 * taken at its first query, and every later read sees the database as of then, whatever other
 * nodes commit meanwhile; it never blocks a writer. Streams read through server-side cursors
 * (a fetch size inside a transaction), so a verify of a large ledger keeps its memory flat.
 */
final class PostgresSnapshot implements LedgerSnapshot {
  private static final int FETCH = 1024;
  private final Handle handle;
  private final Connection c;

  PostgresSnapshot(Handle handle) {
    this.handle = handle;
    this.c = handle.getConnection();
    try {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      // The snapshot is taken at the transaction's first query, not at BEGIN: take it now.
      try (java.sql.Statement first = c.createStatement()) {
        first.execute("SELECT 1");
      }
    } catch (SQLException e) {
      handle.close();
      throw new StoreException("opening a snapshot of the ledger failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long size() {
    return read(() -> PostgresAppend.leafCount(c));
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return read(() -> PostgresReads.latestCheckpoint(c));
  }

  @Override
  public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
    return read(() -> PostgresReads.checkpointsAfter(c, afterSize, limit));
  }

  @Override
  public Stream<StoredLeaf> leaves(long from, long to) {
    return handle.createQuery("SELECT seq, leaf, leaf_hash FROM leaves WHERE seq >= :from"
            + " AND seq < :to ORDER BY seq")
        .bind("from", from).bind("to", to).setFetchSize(FETCH)
        .map((rs, ctx) -> new StoredLeaf(rs.getLong(1), rs.getBytes(2), digest(rs.getBytes(3))))
        .stream();
  }

  @Override
  public Stream<StoredNode> nodesAtLevel(int level) {
    if (level < 1) {
      throw new IllegalArgumentException("interior levels start at 1, got " + level);
    }
    return handle.createQuery("SELECT node_id, hash FROM merkle_nodes WHERE node_id >= :lo"
            + " AND node_id < :hi ORDER BY node_id")
        .bind("lo", NodeIds.first(level)).bind("hi", NodeIds.first(level + 1)).setFetchSize(FETCH)
        .map((rs, ctx) -> new StoredNode(NodeIds.decode(rs.getLong(1)), digest(rs.getBytes(2))))
        .stream();
  }

  /**
   * Per key: its latest seq, its rows and the sum of their seqs (wrapped to 64 bits, as the
   * leaves' side sums in Java longs); rows under a key id that names no key are summed into one
   * summary with a null key. The columns are NOT NULL BIGINTs, so, unlike SQLite, no row can be
   * filed where lookups would misread it.
   */
  @Override
  public Stream<LinkKeySummary> linkIndexSummary() {
    Map<Long, long[]> perKey = new HashMap<>();
    try (Stream<long[]> groups = handle.createQuery("SELECT key_id, MAX(seq), COUNT(*), SUM(seq)"
            + " FROM link_index GROUP BY key_id")
        .setFetchSize(FETCH)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
            wrapped(rs.getBigDecimal(4))})
        .stream()) {
      groups.forEach(g -> perKey.put(g[0], new long[] {g[1], g[2], g[3]}));
    }
    List<LinkKeySummary> summaries = new ArrayList<>();
    try (Stream<LinkKeySummary> keys = handle
        .createQuery("SELECT id, link_key FROM link_keys ORDER BY id")
        .setFetchSize(FETCH)
        .map((rs, ctx) -> {
          long[] sums = perKey.remove(rs.getLong(1));
          return sums == null ? new LinkKeySummary(rs.getString(2), -1, 0, 0)
              : new LinkKeySummary(rs.getString(2), sums[0], sums[1], sums[2]);
        })
        .stream()) {
      keys.forEach(summaries::add);
    }
    if (!perKey.isEmpty()) {
      long[] unreachable = {-1, 0, 0};
      for (long[] sums : perKey.values()) {
        unreachable[0] = Math.max(unreachable[0], sums[0]);
        unreachable[1] += sums[1];
        unreachable[2] += sums[2];
      }
      summaries.add(new LinkKeySummary(null, unreachable[0], unreachable[1], unreachable[2]));
    }
    return summaries.stream();
  }

  private static long wrapped(BigDecimal sum) {
    return sum == null ? 0 : sum.toBigInteger().longValue(); // the low 64 bits, as Java wraps
  }

  @Override
  public Stream<RecordedEventId> eventIds() {
    return handle.createQuery("SELECT source, event_id, seq, content_hash FROM event_ids"
            + " ORDER BY seq, source, event_id")
        .setFetchSize(FETCH)
        .map((rs, ctx) -> new RecordedEventId(rs.getString(1), rs.getString(2), rs.getLong(3),
            digestOrNull(rs.getBytes(4))))
        .stream();
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    return read(() -> PostgresReads.hashes(c, ids));
  }

  @Override
  public List<GuardFault> appendOnlyGuardFaults() {
    return read(() -> PostgresGuards.faults(c));
  }

  @Override
  public void close() {
    try {
      c.rollback();
      c.setReadOnly(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(true);
    } catch (SQLException e) {
      throw new StoreException("closing a snapshot of the ledger failed: " + e.getMessage(), e);
    } finally {
      handle.close();
    }
  }

  /** A read in the snapshot. */
  interface Read<R> {
    R run() throws SQLException;
  }

  private static <R> R read(Read<R> read) {
    try {
      return read.run();
    } catch (SQLException e) {
      throw new StoreException("reading a snapshot of the ledger failed: " + e.getMessage(), e);
    }
  }

  /** A stored hash as read; the schema holds 32 bytes, a hand-altered table may not. */
  private static Digest digest(byte[] bytes) {
    Digest hash = digestOrNull(bytes);
    return hash != null ? hash : Digest.of(new byte[Digest.LENGTH]);
  }

  private static Digest digestOrNull(byte[] bytes) {
    return bytes != null && bytes.length == Digest.LENGTH ? Digest.of(bytes) : null;
  }
}
