package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.NodeId;

/**
 * The single-integer key of an interior Merkle node: {@code level * 2^48 + index}. One integer key
 * makes the node table a plain rowid table (fast appends) and lets a proof fetch its nodes with one
 * {@code IN (...)} query. 2^48 leaves is far beyond any ledger this will hold.
 */
public final class NodeIds {
  static final int INDEX_BITS = 48;
  static final long MAX_INDEX = (1L << INDEX_BITS) - 1;

  private NodeIds() {}

  public static long encode(NodeId id) {
    if (id.level() < 1 || id.level() > INDEX_BITS) {
      throw new IllegalArgumentException("interior node level out of range: " + id.level());
    }
    if (id.index() > MAX_INDEX) {
      throw new IllegalArgumentException("node index beyond 2^48: " + id.index());
    }
    return ((long) id.level() << INDEX_BITS) | id.index();
  }

  public static NodeId decode(long nodeId) {
    return new NodeId((int) (nodeId >>> INDEX_BITS), nodeId & MAX_INDEX);
  }

  /** The smallest node id of {@code level}. */
  public static long first(int level) {
    return (long) level << INDEX_BITS;
  }
}
