package io.accessledger.ledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds RFC 9162 roots and proofs from stored perfect-subtree hashes.
 *
 * <p>{@link MerkleMath} picks the nodes; this class fetches them all with a single
 * {@link NodeSource#hashes} call (none when no node is needed) and folds them. Memory and work
 * are O(log size) per call, whatever the size of the log.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /**
   * The root of the tree of {@code size} leaves; {@link TreeHasher#emptyRoot()} for size 0.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   * @throws IllegalStateException if the source answers with the wrong number of hashes
   */
  public static Digest root(long size, NodeSource source) {
    Objects.requireNonNull(source, "source");
    if (size == 0) {
      return TreeHasher.emptyRoot();
    }
    List<NodeId> ids = MerkleMath.rootNodes(size);
    return foldRight(fetch(ids, source));
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves, leaf-level
   * sibling first (RFC 9162 section 2.1.3.1).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   * @throws IllegalStateException if the source answers with the wrong number of hashes
   */
  public static List<Digest> inclusion(long index, long size, NodeSource source) {
    Objects.requireNonNull(source, "source");
    return resolve(MerkleMath.inclusionProof(index, size), source);
  }

  /**
   * The inclusion proofs of several leaves in the same tree, as {@link #inclusion} would give each,
   * fetching every distinct node once in a single call to the source (proofs of nearby leaves share
   * most of their nodes).
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size} for every index
   * @throws IllegalStateException if the source answers with the wrong number of hashes
   */
  public static List<List<Digest>> inclusions(List<Long> indexes, long size, NodeSource source) {
    Objects.requireNonNull(source, "source");
    List<List<List<NodeId>>> shapes = new ArrayList<>(indexes.size());
    java.util.LinkedHashMap<NodeId, Integer> distinct = new java.util.LinkedHashMap<>();
    for (long index : indexes) {
      List<List<NodeId>> shape = MerkleMath.inclusionProof(index, size);
      shapes.add(shape);
      for (List<NodeId> element : shape) {
        for (NodeId id : element) {
          distinct.putIfAbsent(id, distinct.size());
        }
      }
    }
    List<Digest> fetched =
        distinct.isEmpty() ? List.of() : fetch(new ArrayList<>(distinct.keySet()), source);
    List<List<Digest>> proofs = new ArrayList<>(shapes.size());
    for (List<List<NodeId>> shape : shapes) {
      List<Digest> proof = new ArrayList<>(shape.size());
      for (List<NodeId> element : shape) {
        List<Digest> hashes = new ArrayList<>(element.size());
        for (NodeId id : element) {
          hashes.add(fetched.get(distinct.get(id)));
        }
        proof.add(foldRight(hashes));
      }
      proofs.add(Collections.unmodifiableList(proof));
    }
    return Collections.unmodifiableList(proofs);
  }

  /**
   * The consistency proof from size {@code m} to size {@code n} (RFC 9162 section 2.1.4.1);
   * empty when {@code m == n}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= m <= n}
   * @throws IllegalStateException if the source answers with the wrong number of hashes
   */
  public static List<Digest> consistency(long m, long n, NodeSource source) {
    Objects.requireNonNull(source, "source");
    return resolve(MerkleMath.consistencyProof(m, n), source);
  }

  /** Hash of a range given as its perfect subtrees, left to right (see {@link MerkleMath}). */
  static Digest foldRight(List<Digest> hashes) {
    Digest h = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      h = TreeHasher.nodeHash(hashes.get(i), h);
    }
    return h;
  }

  private static List<Digest> resolve(List<List<NodeId>> proofNodes, NodeSource source) {
    List<NodeId> ids = new ArrayList<>();
    for (List<NodeId> element : proofNodes) {
      ids.addAll(element);
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Digest> fetched = fetch(ids, source);
    List<Digest> proof = new ArrayList<>(proofNodes.size());
    int at = 0;
    for (List<NodeId> element : proofNodes) {
      proof.add(foldRight(fetched.subList(at, at + element.size())));
      at += element.size();
    }
    return Collections.unmodifiableList(proof);
  }

  private static List<Digest> fetch(List<NodeId> ids, NodeSource source) {
    List<Digest> hashes = source.hashes(Collections.unmodifiableList(ids));
    // A short or padded answer would silently misalign every later hash; refuse it.
    if (hashes == null || hashes.size() != ids.size()) {
      throw new IllegalStateException(
          "node source answered " + (hashes == null ? "null" : hashes.size() + " hashes")
              + " for " + ids.size() + " node ids");
    }
    for (int i = 0; i < hashes.size(); i++) {
      if (hashes.get(i) == null) {
        throw new IllegalStateException("node source answered no hash for " + ids.get(i));
      }
    }
    return hashes;
  }
}
