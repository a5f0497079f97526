package io.accessledger.ledger.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks RFC 9162 inclusion and consistency proofs (sections 2.1.3.2 and 2.1.4.2).
 *
 * <p>Pure: no storage, no clock, so the server, {@code verify} and the offline bundle verifier
 * all run this same code. Every method returns normally only when the proof holds and throws
 * {@link ProofException} otherwise. Sizes and the proof length are checked before any hashing,
 * so a malformed proof is named as such rather than reported as a root mismatch, and messages
 * say what was got and what was wanted.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /**
   * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose
   * root is {@code root}.
   *
   * @throws ProofException if the index is not below the size, the proof has the wrong length,
   *     or the proof leads to another root
   */
  public static void verifyInclusion(
      long index, long size, Digest leafHash, List<Digest> proof, Digest root)
      throws ProofException {
    Objects.requireNonNull(root, "root");
    Digest got = rootFromInclusion(index, size, leafHash, proof);
    if (!got.equals(root)) {
      throw new ProofException("root mismatch: got " + got.hex() + ", want " + root.hex());
    }
  }

  /**
   * The root that an inclusion proof leads to, for callers that compare it themselves (for
   * example against several checkpoints).
   *
   * @throws ProofException if the index is not below the size or the proof has the wrong length
   */
  public static Digest rootFromInclusion(
      long index, long size, Digest leafHash, List<Digest> proof) throws ProofException {
    Objects.requireNonNull(leafHash, "leafHash");
    requireNoNulls(proof);
    if (index < 0 || index >= size) {
      throw new ProofException(
          "leaf index " + index + " is not in a tree of size " + size
              + ": want 0 <= index < size");
    }
    int want = MerkleMath.inclusionProofLength(index, size);
    if (proof.size() != want) {
      throw new ProofException(
          "wrong inclusion proof length for leaf " + index + " in tree size " + size
              + ": got " + proof.size() + " hashes, want " + want);
    }
    // RFC 9162 section 2.1.3.2, step by step. fn is the node's index at the current level and
    // sn the last node's; where fn is a right child, or the last node (which then has no right
    // sibling at this level), the proof hash goes on the left.
    long fn = index;
    long sn = size - 1;
    Digest r = leafHash;
    for (Digest p : proof) {
      // This and the sn check after the loop cannot fire once the length matched; they are
      // RFC 9162's own checks, kept so the loop stays safe on its own.
      if (sn == 0) {
        throw new ProofException("inclusion proof is longer than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = TreeHasher.nodeHash(p, r);
        // Levels where the node is the last one and a left child have no sibling: skip them.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = TreeHasher.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException("inclusion proof is shorter than the path to the root");
    }
    return r;
  }

  /**
   * Verifies that the tree of {@code m} leaves with root {@code rootM} is a prefix of the tree of
   * {@code n} leaves with root {@code rootN}. For {@code m == n} the proof must be empty and the
   * roots equal. {@code m = 0} is refused, as RFC 9162 defines proofs only for {@code 0 < m}.
   *
   * @throws ProofException if the sizes are not {@code 1 <= m <= n}, the proof has the wrong
   *     length, or either root does not match
   */
  public static void verifyConsistency(
      long m, long n, List<Digest> proof, Digest rootM, Digest rootN) throws ProofException {
    Objects.requireNonNull(rootM, "rootM");
    Objects.requireNonNull(rootN, "rootN");
    requireNoNulls(proof);
    if (m < 1) {
      throw new ProofException(
          "consistency from size " + m + " is not defined: want size1 >= 1");
    }
    if (m > n) {
      throw new ProofException(
          "consistency from size " + m + " to the smaller size " + n + ": want size1 <= size2");
    }
    int want = MerkleMath.consistencyProofLength(m, n);
    if (proof.size() != want) {
      throw new ProofException(
          "wrong consistency proof length from size " + m + " to size " + n
              + ": got " + proof.size() + " hashes, want " + want);
    }
    if (m == n) {
      requireRoot(m, rootM, rootN);
      return;
    }
    // RFC 9162 section 2.1.4.2. When m is a power of two the old tree is one perfect subtree of
    // the new one and its root, which the verifier already holds, starts the path.
    List<Digest> path = proof;
    if ((m & (m - 1)) == 0) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(rootM);
      path.addAll(proof);
    }
    long fn = m - 1;
    long sn = n - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    // fr rebuilds the old root and sr the new one from the same hashes.
    Digest fr = path.get(0);
    Digest sr = path.get(0);
    for (Digest c : path.subList(1, path.size())) {
      // As for inclusion: unreachable after the length check, kept from RFC 9162.
      if (sn == 0) {
        throw new ProofException("consistency proof is longer than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = TreeHasher.nodeHash(c, fr);
        sr = TreeHasher.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = TreeHasher.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new ProofException("consistency proof is shorter than the path to the root");
    }
    requireRoot(m, fr, rootM);
    requireRoot(n, sr, rootN);
  }

  private static void requireRoot(long size, Digest got, Digest want) throws ProofException {
    if (!got.equals(want)) {
      throw new ProofException(
          "root mismatch at size " + size + ": got " + got.hex() + ", want " + want.hex());
    }
  }

  private static void requireNoNulls(List<Digest> proof) {
    Objects.requireNonNull(proof, "proof");
    for (int i = 0; i < proof.size(); i++) {
      Objects.requireNonNull(proof.get(i), "proof[" + i + "]");
    }
  }
}
