package io.accessledger.store.postgres;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.RecordedEvent;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.sqlite.NodeIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads histories, proofs and replays make, in plain JDBC on the caller's connection (a
 * pooled one, or a snapshot's). Lists are bound as one array parameter ({@code = ANY(?)}), so each
 * query is one statement whatever the list's length, prepared once per connection by the driver.
 */
final class PostgresReads {
  private PostgresReads() {}

  static List<StoredLeaf> leaves(Connection c, List<Long> seqs) throws SQLException {
    List<StoredLeaf> leaves = new ArrayList<>(seqs.size());
    try (PreparedStatement query = c.prepareStatement("SELECT seq, leaf, leaf_hash FROM leaves"
        + " WHERE seq = ANY(?) ORDER BY seq")) {
      query.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          leaves.add(StoredLeaf.adopting(rs.getLong(1), rs.getBytes(2), Digest.of(rs.getBytes(3))));
        }
      }
    }
    return leaves;
  }

  /** The hashes of {@code ids} in order: level 0 from the leaves, the rest from merkle_nodes. */
  static List<Digest> hashes(Connection c, List<NodeId> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> leafSeqs = new ArrayList<>();
    List<Long> nodeIds = new ArrayList<>();
    for (NodeId id : ids) {
      (id.level() == 0 ? leafSeqs : nodeIds).add(id.level() == 0 ? id.index() : NodeIds.encode(id));
    }
    Map<Long, Digest> leafHashes = hashesFrom(c, "SELECT seq, leaf_hash FROM leaves WHERE seq"
        + " = ANY(?)", leafSeqs);
    Map<Long, Digest> nodeHashes = hashesFrom(c, "SELECT node_id, hash FROM merkle_nodes WHERE"
        + " node_id = ANY(?)", nodeIds);
    List<Digest> result = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Digest hash = id.level() == 0 ? leafHashes.get(id.index()) : nodeHashes.get(NodeIds.encode(id));
      if (hash == null) {
        throw new StoreException(
            "Merkle node (level " + id.level() + ", index " + id.index() + ") is missing");
      }
      result.add(hash);
    }
    return result;
  }

  private static Map<Long, Digest> hashesFrom(Connection c, String sql, List<Long> ids)
      throws SQLException {
    Map<Long, Digest> hashes = new HashMap<>();
    if (ids.isEmpty()) {
      return hashes;
    }
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          byte[] hash = rs.getBytes(2);
          if (hash != null && hash.length == Digest.LENGTH) {
            hashes.put(rs.getLong(1), Digest.of(hash));
          }
        }
      }
    }
    return hashes;
  }

  static List<Long> seqsFor(Connection c, long keyId, long afterSeq, int limit)
      throws SQLException {
    List<Long> seqs = new ArrayList<>(Math.min(limit, 1024));
    try (PreparedStatement query = c.prepareStatement("SELECT seq FROM link_index"
        + " WHERE key_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      query.setLong(1, keyId);
      query.setLong(2, afterSeq);
      query.setInt(3, limit);
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
    try (PreparedStatement query = c.prepareStatement("SELECT seq FROM link_index"
        + " WHERE key_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1")) {
      query.setLong(1, keyId);
      query.setLong(2, below);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  static Map<String, RecordedEvent> findEvents(Connection c, String source,
      Collection<String> eventIds) throws SQLException {
    Map<String, RecordedEvent> found = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement("SELECT event_id, seq, content_hash"
        + " FROM event_ids WHERE source = ? AND event_id = ANY(?)")) {
      query.setString(1, source);
      query.setArray(2, c.createArrayOf("text", eventIds.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getString(1), new RecordedEvent(rs.getLong(2), Digest.of(rs.getBytes(3))));
        }
      }
    }
    return found;
  }

  static List<StoredCheckpoint> checkpointsAfter(Connection c, long afterSize, int limit)
      throws SQLException {
    List<StoredCheckpoint> checkpoints = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement("SELECT tree_size, note FROM checkpoints"
        + " WHERE tree_size > ? ORDER BY tree_size LIMIT ?")) {
      query.setLong(1, afterSize);
      query.setInt(2, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          checkpoints.add(new StoredCheckpoint(rs.getLong(1), rs.getString(2)));
        }
      }
    }
    return checkpoints;
  }

  static java.util.Optional<StoredCheckpoint> latestCheckpoint(Connection c) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT tree_size, note FROM checkpoints"
        + " ORDER BY tree_size DESC LIMIT 1"); ResultSet rs = query.executeQuery()) {
      return rs.next() ? java.util.Optional.of(new StoredCheckpoint(rs.getLong(1), rs.getString(2)))
          : java.util.Optional.empty();
    }
  }
}
