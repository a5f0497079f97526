package io.accessledger.ledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which perfect subtrees (see {@link NodeId}) make up RFC 9162 roots and proofs.
 *
 * <p>Pure functions of sizes and indexes: no hashing and no storage. Keeping node selection apart
 * from storage lets the server, the {@code verify} command and tests share it, and lets storage
 * be nothing more than "fetch these node hashes".
 *
 * <p>A hash that is not itself a perfect subtree is given as the list of perfect subtrees whose
 * <em>right fold</em> yields it: {@code h = hash(last)}, then for each earlier node {@code x},
 * right to left, {@code h = nodeHash(hash(x), h)}. That is how RFC 9162's MTH splits a range
 * whose start is aligned, so the fold equals MTH of the range.
 */
public final class MerkleMath {
  private MerkleMath() {}

  /**
   * The perfect subtrees that make up leaves {@code [begin, end)}, left to right, largest first:
   * one per set bit of {@code end - begin}.
   *
   * <p>Only ranges that RFC 9162 actually hashes are accepted: {@code begin} must be a multiple
   * of the largest power of two not above {@code end - begin}, so that every piece is a stored
   * perfect subtree. Every range that occurs in a root or proof meets this.
   *
   * @return an empty list for an empty range
   * @throws IllegalArgumentException if the range is negative, reversed or not aligned
   */
  public static List<NodeId> rangeNodes(long begin, long end) {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "leaf range [" + begin + ", " + end + ") is not a range of leaf indexes");
    }
    long count = end - begin;
    if (count == 0) {
      return List.of();
    }
    long largest = Long.highestOneBit(count);
    if ((begin & (largest - 1)) != 0) {
      throw new IllegalArgumentException(
          "leaf range [" + begin + ", " + end + ") does not start on a multiple of " + largest);
    }
    List<NodeId> nodes = new ArrayList<>(Long.bitCount(count));
    long at = begin;
    // Each later piece is smaller and starts at a sum of larger powers of two, so it is aligned.
    for (long bit = largest; bit != 0; bit >>>= 1) {
      if ((count & bit) != 0) {
        int level = Long.numberOfTrailingZeros(bit);
        nodes.add(new NodeId(level, at >>> level));
        at += bit;
      }
    }
    return Collections.unmodifiableList(nodes);
  }

  /**
   * The subtrees whose right fold is the root of the tree of {@code size} leaves; empty for
   * size 0. These are also exactly the nodes the single writer must remember to keep appending.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static List<NodeId> rootNodes(long size) {
    return rangeNodes(0, size);
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves, in RFC 9162
   * section 2.1.3.1 PATH order (the leaf's sibling first, the root's child last). Each element
   * is one proof hash, given as the nodes whose right fold yields it.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static List<List<NodeId>> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in a tree of size " + size);
    }
    // Walk down from the root as PATH recurses, noting the sibling at each split; PATH lists
    // them from the bottom up, hence the reversal.
    List<List<NodeId>> topDown = new ArrayList<>();
    long begin = 0;
    long end = size;
    while (end - begin > 1) {
      long split = begin + largestPowerOfTwoBelow(end - begin);
      if (index < split) {
        topDown.add(rangeNodes(split, end));
        end = split;
      } else {
        topDown.add(rangeNodes(begin, split));
        begin = split;
      }
    }
    Collections.reverse(topDown);
    return Collections.unmodifiableList(topDown);
  }

  /**
   * The consistency proof from the tree of {@code m} leaves to the tree of {@code n} leaves, in
   * RFC 9162 section 2.1.4.1 SUBPROOF order. Empty when {@code m == n}.
   *
   * <p>{@code m = 0} is refused: RFC 9162 defines proofs only for {@code 0 < m}, and an empty
   * tree needs none (anything is consistent with it).
   *
   * @throws IllegalArgumentException unless {@code 1 <= m <= n}
   */
  public static List<List<NodeId>> consistencyProof(long m, long n) {
    if (m < 1 || m > n) {
      throw new IllegalArgumentException(
          "consistency proof from size " + m + " to size " + n + " is not defined: want 1 <= m <= n");
    }
    // SUBPROOF(m, D[begin:end], whole): "whole" is RFC's b, true while [begin, end) still
    // starts at 0, i.e. while the old tree's root is known to the verifier and is not sent.
    List<List<NodeId>> topDown = new ArrayList<>();
    long begin = 0;
    long end = n;
    boolean whole = true;
    while (m != end) {
      long split = begin + largestPowerOfTwoBelow(end - begin);
      if (m <= split) {
        topDown.add(rangeNodes(split, end));
        end = split;
      } else {
        topDown.add(rangeNodes(begin, split));
        begin = split;
        whole = false;
      }
    }
    if (!whole) {
      topDown.add(rangeNodes(begin, end));
    }
    Collections.reverse(topDown);
    return Collections.unmodifiableList(topDown);
  }

  /**
   * How many hashes the inclusion proof of {@code index} in a tree of {@code size} has, without
   * building it. Verifiers check this before hashing anything.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static int inclusionProofLength(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "leaf index " + index + " is not in a tree of size " + size);
    }
    // Below the level where the paths to the leaf and to the last leaf part, every level gives
    // one sibling; above it the path runs along the right border, which has a left sibling
    // exactly where the index has a 1 bit.
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    int border = Long.bitCount(index >>> inner);
    return inner + border;
  }

  /**
   * How many hashes the consistency proof from {@code m} to {@code n} has, without building it.
   *
   * @throws IllegalArgumentException unless {@code 1 <= m <= n}
   */
  public static int consistencyProofLength(long m, long n) {
    if (m < 1 || m > n) {
      throw new IllegalArgumentException(
          "consistency proof from size " + m + " to size " + n + " is not defined: want 1 <= m <= n");
    }
    if (m == n) {
      return 0;
    }
    // Like the inclusion proof of leaf m-1, except that the perfect subtree of 2^shift leaves
    // ending at m stands in for the lowest shift levels. It is sent as the first hash unless it
    // is the whole old tree (m a power of two), whose root the verifier already has.
    int inner = 64 - Long.numberOfLeadingZeros((m - 1) ^ (n - 1));
    int border = Long.bitCount((m - 1) >>> inner);
    int shift = Long.numberOfTrailingZeros(m);
    int first = (m & (m - 1)) == 0 ? 0 : 1;
    return first + inner - shift + border;
  }

  /** RFC 9162's k: the largest power of two strictly less than {@code count}, for count > 1. */
  private static long largestPowerOfTwoBelow(long count) {
    return Long.highestOneBit(count - 1);
  }
}
