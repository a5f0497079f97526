package io.accessledger.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link NodeSource} that remembers the upper levels of the tree in front of another (storage).
 *
 * <p>Every node it hands out is the hash of a complete subtree, which never changes once written,
 * so a remembered hash is never stale: with several nodes appending to one store too, since the
 * store's fence lets no two of them write different subtrees at one place (no fork). Proofs of entries all over a large tree share few of their
 * low nodes but all of their high ones, and a page of a history reads hundreds of nodes, most of
 * them at the top: remembering those spares storage most of the reads.
 *
 * <p>Memory is bounded: at most {@code capacity} nodes are kept, all at or above a minimum level.
 * When the cache outgrows its capacity, the minimum level rises by one and the nodes below it are
 * dropped, so as the log grows the cache keeps the top of the tree (a tree of n leaves has about
 * 2n / 2^L nodes at level L and above). Leaf hashes (level 0) are never kept. Thread-safe.
 */
public final class UpperNodeCache implements NodeSource {
  private final NodeSource source;
  private final int capacity;
  private final ConcurrentHashMap<NodeId, Digest> nodes = new ConcurrentHashMap<>();
  private volatile int minLevel = 1;

  /**
   * @param capacity the most nodes kept (about 140 bytes each)
   */
  public UpperNodeCache(NodeSource source, int capacity) {
    this.source = Objects.requireNonNull(source, "source");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    Digest[] out = new Digest[ids.size()];
    List<NodeId> missing = new ArrayList<>();
    int level = minLevel;
    for (int i = 0; i < out.length; i++) {
      NodeId id = ids.get(i);
      out[i] = id.level() >= level ? nodes.get(id) : null;
      if (out[i] == null) {
        missing.add(id);
      }
    }
    if (!missing.isEmpty()) {
      List<Digest> fetched = source.hashes(missing);
      if (fetched.size() != missing.size()) {
        throw new IllegalStateException("node source answered " + fetched.size()
            + " hashes for " + missing.size() + " nodes");
      }
      int next = 0;
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null) {
          NodeId id = missing.get(next);
          out[i] = Objects.requireNonNull(fetched.get(next++), "node source answered null");
          if (id.level() >= level) {
            nodes.put(id, out[i]);
          }
        }
      }
      if (nodes.size() > capacity) {
        shrink();
      }
    }
    return Arrays.asList(out);
  }

  /** How many nodes are kept now. */
  public int size() {
    return nodes.size();
  }

  /** The lowest level kept now. */
  public int minLevel() {
    return minLevel;
  }

  private synchronized void shrink() {
    while (nodes.size() > capacity && minLevel < NodeId.MAX_LEVEL) {
      int raised = minLevel + 1;
      minLevel = raised;
      nodes.keySet().removeIf(id -> id.level() < raised);
    }
  }
}
