package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import io.accessledger.ledger.NodeId;
import io.accessledger.store.StoreException;
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
  static List<Digest> fetch(LedgerDao dao, List<NodeId> ids) {
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
      dao.leafHashes(leafSeqs).forEach(row -> leafHashes.put(row.id(), row.hash()));
    }
    if (!nodeIds.isEmpty()) {
      dao.nodeHashes(nodeIds).forEach(row -> nodeHashes.put(row.id(), row.hash()));
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
