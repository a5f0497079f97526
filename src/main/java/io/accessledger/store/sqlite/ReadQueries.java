package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads every history and proof makes, in plain JDBC on the caller's connection. They run
 * several times per API request, where attaching a Jdbi SqlObject cost more than the queries
 * (profiled on the history path). Lists of ids are bound as {@code IN (?, ?, …)}, well under
 * SQLite's limit of 32 766 parameters for the largest caller (an evidence chunk, about 10 000).
 */
final class ReadQueries {
  private ReadQueries() {}

  /**
   * The checkpoint with the largest tree size: every read on a store several nodes share asks for
   * it (through Jdbi's SqlObject it cost about 0.3 ms, plain about 0.02 ms).
   */
  static Optional<StoredCheckpoint> latestCheckpoint(Connection c) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(
            "SELECT tree_size, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1");
        ResultSet rs = query.executeQuery()) {
      return rs.next()
          ? Optional.of(new StoredCheckpoint(rs.getLong(1), rs.getString(2)))
          : Optional.empty();
    }
  }

  /** The number of leaves: the next seq; asked before each batch on a shared store. */
  static long size(Connection c) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT COALESCE(MAX(seq) + 1, 0) FROM leaves");
        ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The leaves among {@code seqs}, ascending. */
  static List<StoredLeaf> leaves(Connection c, List<Long> seqs) throws SQLException {
    List<StoredLeaf> leaves = new ArrayList<>(seqs.size());
    try (PreparedStatement query = c.prepareStatement("SELECT seq, leaf, leaf_hash FROM leaves"
        + " WHERE seq IN (" + placeholders(seqs.size()) + ") ORDER BY seq")) {
      bind(query, 1, seqs);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          leaves.add(StoredLeaf.adopting(rs.getLong(1), rs.getBytes(2), Digest.of(rs.getBytes(3))));
        }
      }
    }
    return leaves;
  }

  /** Adds to {@code into} the hash of each id found in {@code table}'s {@code idColumn}. */
  static void hashes(Connection c, String table, String idColumn, String hashColumn,
      List<Long> ids, Map<Long, Digest> into) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT " + idColumn + ", " + hashColumn
        + " FROM " + table + " WHERE " + idColumn + " IN (" + placeholders(ids.size()) + ")")) {
      bind(query, 1, ids);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          into.put(rs.getLong(1), Digest.of(rs.getBytes(2)));
        }
      }
    }
  }

  /** Up to {@code limit} seqs naming key {@code keyId} after {@code afterSeq}, ascending. */
  static List<Long> seqsFor(Connection c, long keyId, long afterSeq, int limit)
      throws SQLException {
    List<Long> seqs = new ArrayList<>(Math.min(limit, 1024));
    try (PreparedStatement query = c.prepareStatement(LinkSpans.UP_FROM
        + "SELECT seq FROM link_index WHERE span IN spans AND key_id = ? AND seq > ?"
        + " ORDER BY span, seq LIMIT ?")) {
      query.setLong(1, LinkSpans.of(Math.max(0, afterSeq + 1)));
      query.setLong(2, keyId);
      query.setLong(3, afterSeq);
      query.setInt(4, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
    }
    return seqs;
  }

  /** The largest seq below {@code below} naming key {@code keyId}, or -1. */
  static long latestSeqBelow(Connection c, long keyId, long below) throws SQLException {
    if (below <= 0) {
      return -1;
    }
    try (PreparedStatement query = c.prepareStatement(LinkSpans.DOWN_FROM
        + "SELECT seq FROM link_index WHERE span IN spans AND key_id = ? AND seq < ?"
        + " ORDER BY span DESC, seq DESC LIMIT 1")) {
      query.setLong(1, LinkSpans.of(below - 1));
      query.setLong(2, keyId);
      query.setLong(3, below);
      return firstOrMinusOne(query);
    }
  }

  /** A query for the latest seq naming one key, bound to its key id by {@link #latestSeq}. */
  static PreparedStatement latestSeqQuery(Connection c) throws SQLException {
    return c.prepareStatement(LinkSpans.DOWN_FROM
        + "SELECT seq FROM link_index WHERE span IN spans AND key_id = ?"
        + " ORDER BY span DESC, seq DESC LIMIT 1");
  }

  /** The latest seq naming key {@code keyId}, or -1, through a {@link #latestSeqQuery}. */
  static long latestSeq(PreparedStatement latestSeqQuery, long keyId) throws SQLException {
    latestSeqQuery.setLong(1, Long.MAX_VALUE);
    latestSeqQuery.setLong(2, keyId);
    return firstOrMinusOne(latestSeqQuery);
  }

  private static long firstOrMinusOne(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  private static String placeholders(int count) {
    return "?,".repeat(count - 1) + "?";
  }

  private static void bind(PreparedStatement query, int first, List<Long> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      query.setLong(first + i, values.get(i));
    }
  }
}
