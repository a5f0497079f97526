package io.accessledger.ledger.verify;

import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeCursor;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.LedgerSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * The check of the stored Merkle nodes: each interior node that the leaves complete, as they are
 * appended to the re-derived tree, must be stored, with the hash of its children; and at the end,
 * no stored node may be left that the leaves do not complete. Proofs are served from these nodes,
 * so a wrong one would make the service hand out proofs that fail, or that prove a forged tree.
 *
 * <p>The stored nodes are read through one cursor per level, each in index order alongside the
 * leaves, so memory stays at one cursor per level however long the log. A bad node is not
 * reported at once but {@linkplain DeferredProblem deferred} past the stretch it covers, where an
 * edited leaf, if any, is named instead. Owned by the run's thread.
 */
final class StoredNodeCheck implements AutoCloseable {
  private final LedgerSnapshot snapshot;
  private final CompactRange tree;
  private final DeferredProblem deferred;
  private final Map<Integer, NodeCursor> nodeCursors = new HashMap<>();

  /**
   * @param tree the tree re-derived from the leaves, which this check extends
   * @param deferred where a bad node's problem is held back
   */
  StoredNodeCheck(LedgerSnapshot snapshot, CompactRange tree, DeferredProblem deferred) {
    this.snapshot = snapshot;
    this.tree = tree;
    this.deferred = deferred;
  }

  /**
   * Appends the next leaf's hash to the tree and checks every interior node it completes.
   *
   * @param provenSize the size of the latest valid checkpoint: a bad node is blamed on no entry
   *     below it
   */
  void append(Digest leafHash, long provenSize) {
    for (StoredNode node : tree.append(leafHash)) {
      if (node.id().level() > 0) {
        String nodeProblem = check(node);
        if (nodeProblem != null) {
          long first = node.id().firstLeaf();
          deferred.defer(new Problem(Math.max(first, provenSize), nodeProblem),
              first + node.id().leafCount());
        }
      }
    }
  }

  /** Once every leaf is appended: a problem if storage holds a node no leaf completed, or null. */
  String checkExhausted() {
    for (int level = 1; level <= NodeId.MAX_LEVEL; level++) {
      NodeCursor cursor =
          nodeCursors.computeIfAbsent(level, l -> new NodeCursor(snapshot.nodesAtLevel(l)));
      StoredNode extra = cursor.next();
      if (extra != null) {
        return "storage holds a Merkle node at level " + level + ", index " + extra.id().index()
            + " that the stored entries do not complete";
      }
    }
    return null;
  }

  private String check(StoredNode computed) {
    int level = computed.id().level();
    NodeCursor cursor =
        nodeCursors.computeIfAbsent(level, l -> new NodeCursor(snapshot.nodesAtLevel(l)));
    StoredNode stored = cursor.next();
    if (stored == null || !stored.id().equals(computed.id())) {
      return where(computed) + " is missing from storage";
    }
    if (!stored.hash().equals(computed.hash())) {
      return where(computed) + " is stored as " + stored.hash() + " but its children hash to "
          + computed.hash();
    }
    return null;
  }

  private static String where(StoredNode node) {
    NodeId id = node.id();
    return "the Merkle node at level " + id.level() + ", index " + id.index() + " (entries "
        + id.firstLeaf() + " to " + (id.firstLeaf() + id.leafCount() - 1) + ")";
  }

  @Override
  public void close() {
    nodeCursors.values().forEach(NodeCursor::close);
  }
}
