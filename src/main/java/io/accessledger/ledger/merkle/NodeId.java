package io.accessledger.ledger.merkle;

/**
 * The address of one perfect (complete) subtree of the RFC 9162 Merkle tree.
 *
 * <p>Level 0, index {@code i} is leaf {@code i}. Level {@code L}, index {@code i} is the root of
 * the {@code 2^L} leaves {@code [i * 2^L, (i + 1) * 2^L)}. A perfect subtree never changes once
 * its last leaf is appended, which is why storage can keep its hash forever under this id.
 *
 * <p>Levels stop at 62 and the covered range must end at or before {@link Long#MAX_VALUE}: a tree
 * size is a {@code long}, so no larger subtree can exist, and refusing it here keeps
 * {@link #firstLeaf()} and {@link #leafCount()} free of overflow.
 *
 * @param level height above the leaves, 0 to 62
 * @param index position among the subtrees of that level, counting from 0
 */
public record NodeId(int level, long index) {
  /** The highest level a tree whose size fits in a {@code long} can have a perfect subtree at. */
  public static final int MAX_LEVEL = 62;

  /**
   * @throws IllegalArgumentException if the level is outside 0..62, the index is negative, or the
   *     subtree would cover leaves beyond {@link Long#MAX_VALUE}
   */
  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "node level must be 0.." + MAX_LEVEL + ", got " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("node index must be >= 0, got " + index);
    }
    // (index + 1) << level <= Long.MAX_VALUE, written so that it cannot overflow itself.
    if (index >= (Long.MAX_VALUE >>> level)) {
      throw new IllegalArgumentException(
          "node (" + level + ", " + index + ") covers leaves beyond the largest tree size");
    }
  }

  /**
   * Mixes level and index. The record's own hash, {@code 31 * level + index}, gives (L, i) and
   * (L + 1, i - 31) the same value, so the node caches' buckets filled with collisions.
   */
  @Override
  public int hashCode() {
    long h = (index << 6 | level) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeId that && level == that.level && index == that.index;
  }

  /** A leaf's own node: level 0. */
  public static NodeId leaf(long index) {
    return new NodeId(0, index);
  }

  /** The index of the first leaf this subtree covers. */
  public long firstLeaf() {
    return index << level;
  }

  /** How many leaves this subtree covers: {@code 2^level}. */
  public long leafCount() {
    return 1L << level;
  }
}
