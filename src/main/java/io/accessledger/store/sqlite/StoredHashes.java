package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.NodeIds;
import io.accessledger.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fetches Merkle node hashes by id: level 0 from the leaves table, the rest from merkle_nodes. */
final class StoredHashes {
  private StoredHashes() {}

  /**
   * The hashes of {@code ids}, in the same order, in at most two queries.
   *
   * @throws StoreException naming the first node that is not stored
   */
  static List<Digest> fetch(Connection c, List<NodeId> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> leafSeqs = new ArrayList<>();
    List<Long> nodeIds = new ArrayList<>();
    for (NodeId id : ids) {
      if (id.level() == 0) {
        leafSeqs.add(id.index());
      } else {
        nodeIds.add(NodeIds.encode(id));
      }
    }
    Map<Long, Digest> leafHashes = new HashMap<>();
    Map<Long, Digest> nodeHashes = new HashMap<>();
    if (!leafSeqs.isEmpty()) {
      ReadQueries.hashes(c, "leaves", "seq", "leaf_hash", leafSeqs, leafHashes);
    }
    if (!nodeIds.isEmpty()) {
      ReadQueries.hashes(c, "merkle_nodes", "node_id", "hash", nodeIds, nodeHashes);
    }
    List<Digest> result = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Digest hash =
          id.level() == 0 ? leafHashes.get(id.index()) : nodeHashes.get(NodeIds.encode(id));
      if (hash == null) {
        throw new StoreException(
            "Merkle node (level " + id.level() + ", index " + id.index() + ") is missing");
      }
      result.add(hash);
    }
    return result;
  }
}
