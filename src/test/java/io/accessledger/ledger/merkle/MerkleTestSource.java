package io.accessledger.ledger.merkle;

import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.ledger.merkle.StoredNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link NodeSource} filled only from what {@link CompactRange#append} reports, so
 * any node it lacks or holds wrongly shows up as a failed proof or a missing-node error. Counts
 * calls, so tests can check that a proof costs one fetch.
 */
public final class MerkleTestSource implements NodeSource {
  private final Map<NodeId, Digest> nodes = new HashMap<>();
  private final CompactRange range = new CompactRange();
  private int calls;

  /** Appends every leaf hash, keeping every completed node. */
  public static MerkleTestSource of(List<Digest> leafHashes) {
    MerkleTestSource source = new MerkleTestSource();
    for (Digest leafHash : leafHashes) {
      source.append(leafHash);
    }
    return source;
  }

  /** Appends one leaf; fails if a node would be written twice with another hash. */
  List<StoredNode> append(Digest leafHash) {
    List<StoredNode> completed = range.append(leafHash);
    for (StoredNode node : completed) {
      Digest old = nodes.putIfAbsent(node.id(), node.hash());
      if (old != null) {
        throw new AssertionError("node " + node.id() + " emitted twice");
      }
    }
    return completed;
  }

  CompactRange range() {
    return range;
  }

  int nodeCount() {
    return nodes.size();
  }

  int calls() {
    return calls;
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    calls++;
    List<Digest> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      Digest hash = nodes.get(id);
      if (hash == null) {
        throw new IllegalStateException("no stored node " + id);
      }
      out.add(hash);
    }
    return out;
  }
}
