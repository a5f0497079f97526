package io.accessledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right edge of the tree that the single writer keeps in memory while appending: the hashes
 * of {@link MerkleMath#rootNodes(long)} for the current size, left to right. That is one hash per
 * set bit of the size, so memory is O(log size) however long the log grows.
 *
 * <p>Each {@link #append} reports every perfect subtree it completes, so that storage can keep
 * those hashes and later proofs never need to rehash leaves.
 *
 * <p>Not thread-safe: it is owned by the one writer that assigns {@code seq} numbers, and sharing
 * it would let two leaves take the same position.
 */
public final class CompactRange {
  private long size;
  private final List<Digest> frontier;

  /** An empty tree. */
  public CompactRange() {
    this.size = 0;
    this.frontier = new ArrayList<>();
  }

  /**
   * Resumes a tree of {@code size} leaves from the hashes of {@code MerkleMath.rootNodes(size)},
   * left to right, as loaded from storage.
   *
   * @throws IllegalArgumentException if {@code size} is negative or the number of hashes is not
   *     the number of root nodes of that size
   */
  public CompactRange(long size, List<Digest> rootNodeHashes) {
    Objects.requireNonNull(rootNodeHashes, "rootNodeHashes");
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + size);
    }
    int want = Long.bitCount(size);
    if (rootNodeHashes.size() != want) {
      throw new IllegalArgumentException(
          "a tree of size " + size + " has " + want + " root nodes, got "
              + rootNodeHashes.size() + " hashes");
    }
    this.size = size;
    // List.copyOf refuses null hashes.
    this.frontier = new ArrayList<>(List.copyOf(rootNodeHashes));
  }

  /**
   * Appends leaf number {@link #size()} and returns every perfect subtree this completes: the
   * leaf itself (level 0) first, then each newly completed parent in increasing level.
   *
   * @throws IllegalStateException if the tree already holds {@link Long#MAX_VALUE} leaves
   */
  public List<StoredNode> append(Digest leafHash) {
    Objects.requireNonNull(leafHash, "leafHash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full at size " + size);
    }
    long index = size;
    long newSize = size + 1;
    // Each trailing zero bit of the new size is a level at which two equal subtrees now merge.
    int merges = Long.numberOfTrailingZeros(newSize);
    List<StoredNode> completed = new ArrayList<>(merges + 1);
    completed.add(new StoredNode(NodeId.leaf(index), leafHash));
    Digest hash = leafHash;
    for (int level = 1; level <= merges; level++) {
      Digest left = frontier.remove(frontier.size() - 1);
      hash = TreeHasher.nodeHash(left, hash);
      completed.add(new StoredNode(new NodeId(level, (newSize >>> level) - 1), hash));
    }
    frontier.add(hash);
    size = newSize;
    return List.copyOf(completed);
  }

  /** How many leaves have been appended (including those loaded at construction). */
  public long size() {
    return size;
  }

  /** The RFC 9162 root of the current tree; {@link TreeHasher#emptyRoot()} when empty. */
  public Digest root() {
    return size == 0 ? TreeHasher.emptyRoot() : MerkleProofs.foldRight(frontier);
  }

  /** A copy of the hashes of {@code MerkleMath.rootNodes(size())}, left to right. */
  public List<Digest> frontier() {
    return List.copyOf(frontier);
  }
}
