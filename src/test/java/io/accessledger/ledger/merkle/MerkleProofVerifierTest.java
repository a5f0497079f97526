package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleMath;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated proofs, sizes, indexes and roots that must be refused, over many trees, each checked
 * for the message a user would need: a wrong length before any hashing, otherwise the root
 * that was got and the one that was wanted.
 */
class MerkleProofVerifierTest {
  private static final int MAX = 130;
  private static final String HEX = "[0-9a-f]{64}";
  private static MerkleTestSource source;
  private static List<Digest> leafHashes;

  @BeforeAll
  static void build() {
    leafHashes = new ArrayList<>();
    for (int i = 0; i < 2 * MAX; i++) {
      leafHashes.add(TreeHasher.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
    }
    source = MerkleTestSource.of(leafHashes);
  }

  /** Every tree up to 40 leaves, and some around powers of two above that. */
  private static List<Long> sizes() {
    List<Long> sizes = new ArrayList<>();
    for (long n = 1; n <= 40; n++) {
      sizes.add(n);
    }
    sizes.addAll(List.of(63L, 64L, 65L, 100L, 127L, 128L, MAX + 0L));
    return sizes;
  }

  private static Digest root(long size) {
    return MerkleProofs.root(size, source);
  }

  private static List<Digest> flipBit(List<Digest> proof, int at, int bit) {
    List<Digest> copy = new ArrayList<>(proof);
    byte[] bytes = copy.get(at).bytes();
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    copy.set(at, Digest.of(bytes));
    return copy;
  }

  private static List<Digest> with(List<Digest> proof, Digest first, Digest last) {
    List<Digest> copy = new ArrayList<>();
    if (first != null) {
      copy.add(first);
    }
    copy.addAll(proof);
    if (last != null) {
      copy.add(last);
    }
    return copy;
  }

  private static void refusedForLength(ThrowingCallable call, int got, int want) {
    assertThatThrownBy(call)
        .isInstanceOf(ProofException.class)
        .hasMessageContaining("proof length")
        .hasMessageEndingWith(": got " + got + " hashes, want " + want);
  }

  private static void refusedForRoot(ThrowingCallable call, Digest want) {
    assertThatThrownBy(call)
        .isInstanceOf(ProofException.class)
        .hasMessageMatching("root mismatch: got " + HEX + ", want " + want.hex())
        .hasMessageNotContaining("got " + want.hex());
  }

  private static void refusedForRootAt(ThrowingCallable call, long m, Digest rootM, long n,
      Digest rootN) {
    assertThatThrownBy(call)
        .isInstanceOf(ProofException.class)
        .hasMessageMatching("root mismatch at size " + m + ": got " + HEX + ", want " + rootM.hex()
            + "|root mismatch at size " + n + ": got " + HEX + ", want " + rootN.hex());
  }

  // ---- inclusion ----

  private static void inclusionRefused(long index, long size, Digest leaf, List<Digest> proof,
      Digest root) {
    ThrowingCallable call = () -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root);
    if (index < 0 || index >= size) {
      assertThatThrownBy(call).isInstanceOf(ProofException.class).hasMessage(
          "leaf index " + index + " is not in a tree of size " + size
              + ": want 0 <= index < size");
      return;
    }
    int want = MerkleMath.inclusionProofLength(index, size);
    if (proof.size() != want) {
      refusedForLength(call, proof.size(), want);
    } else {
      refusedForRoot(call, root);
    }
  }

  @Test
  void inclusionRefusesEveryMutation() {
    for (long n : sizes()) {
      Digest root = root(n);
      for (long i = 0; i < n; i++) {
        Digest leaf = leafHashes.get((int) i);
        List<Digest> proof = MerkleProofs.inclusion(i, n, source);
        long index = i;
        assertThatCode(() -> ProofVerifier.verifyInclusion(index, n, leaf, proof, root))
            .doesNotThrowAnyException();
        int k = proof.size();
        for (int j = 0; j < k; j++) {
          List<Digest> flipped = flipBit(proof, j, (j * 37 + (int) n) % 256);
          refusedForRoot(
              () -> ProofVerifier.verifyInclusion(index, n, leaf, flipped, root), root);
        }
        if (k > 0) {
          refusedForLength(() -> ProofVerifier.verifyInclusion(
              index, n, leaf, proof.subList(0, k - 1), root), k - 1, k);
          refusedForLength(() -> ProofVerifier.verifyInclusion(
              index, n, leaf, proof.subList(1, k), root), k - 1, k);
        }
        refusedForLength(() -> ProofVerifier.verifyInclusion(
            index, n, leaf, with(proof, null, root), root), k + 1, k);
        refusedForLength(() -> ProofVerifier.verifyInclusion(
            index, n, leaf, with(proof, leaf, null), root), k + 1, k);
        // Another leaf's position (a different path through the same tree) or hash.
        for (long other : new long[] {i ^ 1, i + 1, i - 1, i ^ 2, n}) {
          if (other != i) {
            inclusionRefused(other, n, leaf, proof, root);
          }
        }
        inclusionRefused(i, n, leafHashes.get((int) (i + 1)), proof, root);
        inclusionRefused(i, n, TreeHasher.nodeHash(leaf, leaf), proof, root);
        // A tree of another height.
        inclusionRefused(i, n * 2, leaf, proof, root);
        if (n / 2 > i) {
          inclusionRefused(i, n / 2, leaf, proof, root);
        }
        // The root of another tree.
        inclusionRefused(i, n, leaf, proof, root(n + 1));
        inclusionRefused(i, n, leaf, proof, TreeHasher.emptyRoot());
      }
    }
  }

  @Test
  void inclusionRefusesTheEmptyTreeAndNegativeIndexes() {
    Digest leaf = leafHashes.get(0);
    inclusionRefused(0, 0, leaf, List.of(), TreeHasher.emptyRoot());
    inclusionRefused(1, 0, leaf, List.of(), TreeHasher.emptyRoot());
    inclusionRefused(-1, 5, leaf, MerkleProofs.inclusion(0, 5, source), root(5));
    inclusionRefused(0, -1, leaf, List.of(), TreeHasher.emptyRoot());
  }

  @Test
  void singleLeafTreeRootIsTheLeafHash() {
    Digest leaf = leafHashes.get(0);
    assertThatCode(() -> ProofVerifier.verifyInclusion(0, 1, leaf, List.of(), leaf))
        .doesNotThrowAnyException();
    refusedForRoot(() -> ProofVerifier.verifyInclusion(0, 1, leaf, List.of(), root(2)), root(2));
  }

  @Test
  void rootFromInclusionChecksLengthFirst() {
    assertThatThrownBy(() -> ProofVerifier.rootFromInclusion(
            3, 8, leafHashes.get(3), List.of(Digest.ZERO)))
        .isInstanceOf(ProofException.class)
        .hasMessage("wrong inclusion proof length for leaf 3 in tree size 8: got 1 hashes, want 3");
  }

  // ---- consistency ----

  private static void consistencyRefused(long m, long n, List<Digest> proof, Digest rootM,
      Digest rootN) {
    ThrowingCallable call = () -> ProofVerifier.verifyConsistency(m, n, proof, rootM, rootN);
    if (m < 1) {
      assertThatThrownBy(call).isInstanceOf(ProofException.class)
          .hasMessage("consistency from size " + m + " is not defined: want size1 >= 1");
      return;
    }
    if (m > n) {
      assertThatThrownBy(call).isInstanceOf(ProofException.class).hasMessage(
          "consistency from size " + m + " to the smaller size " + n + ": want size1 <= size2");
      return;
    }
    int want = MerkleMath.consistencyProofLength(m, n);
    if (proof.size() != want) {
      refusedForLength(call, proof.size(), want);
    } else {
      refusedForRootAt(call, m, rootM, n, rootN);
    }
  }

  @Test
  void consistencyRefusesEveryMutation() {
    for (long n : sizes()) {
      Digest rootN = root(n);
      for (long m = 1; m < n; m++) {
        Digest rootM = root(m);
        List<Digest> proof = MerkleProofs.consistency(m, n, source);
        long from = m;
        assertThatCode(() -> ProofVerifier.verifyConsistency(from, n, proof, rootM, rootN))
            .doesNotThrowAnyException();
        int k = proof.size();
        for (int j = 0; j < k; j++) {
          consistencyRefused(m, n, flipBit(proof, j, (j * 41 + (int) m) % 256), rootM, rootN);
        }
        consistencyRefused(m, n, proof.subList(0, k - 1), rootM, rootN);
        consistencyRefused(m, n, proof.subList(1, k), rootM, rootN);
        consistencyRefused(m, n, List.of(), rootM, rootN);
        consistencyRefused(m, n, with(proof, null, rootN), rootM, rootN);
        consistencyRefused(m, n, with(proof, rootM, null), rootM, rootN);
        consistencyRefused(m, n, with(proof, proof.get(0), null), rootM, rootN);
        // Swapped or foreign roots.
        consistencyRefused(m, n, proof, rootN, rootM);
        consistencyRefused(m, n, proof, root(m + 1), rootN);
        consistencyRefused(m, n, proof, rootM, root(n + 1));
        consistencyRefused(m, n, proof, TreeHasher.emptyRoot(), rootN);
        // Other sizes.
        for (long otherM : new long[] {m - 1, m + 1, m ^ 1, m ^ 2, n + 1}) {
          if (otherM != m && otherM <= n + 1) {
            consistencyRefused(otherM, n, proof, rootM, rootN);
          }
        }
        consistencyRefused(m, n * 2, proof, rootM, rootN);
        if (n / 2 >= m) {
          consistencyRefused(m, n / 2, proof, rootM, rootN);
        }
      }
    }
  }

  @Test
  void equalSizesNeedEqualRootsAndNoProof() {
    Digest root = root(5);
    assertThatCode(() -> ProofVerifier.verifyConsistency(5, 5, List.of(), root, root))
        .doesNotThrowAnyException();
    refusedForLength(() -> ProofVerifier.verifyConsistency(5, 5, List.of(root), root, root), 1, 0);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(5, 5, List.of(), root, root(6)))
        .isInstanceOf(ProofException.class)
        .hasMessage("root mismatch at size 5: got " + root.hex() + ", want " + root(6).hex());
  }

  @Test
  void consistencyRefusesTheEmptyTreeAndShrinking() {
    Digest empty = TreeHasher.emptyRoot();
    consistencyRefused(0, 0, List.of(), empty, empty);
    consistencyRefused(0, 5, List.of(), empty, root(5));
    consistencyRefused(-1, 5, List.of(), empty, root(5));
    consistencyRefused(6, 5, List.of(), root(6), root(5));
    consistencyRefused(1, 0, List.of(), root(1), empty);
  }

  @Test
  void messagesNameTheWantedLength() {
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(6, 8, List.of(), root(6), root(8)))
        .hasMessage("wrong consistency proof length from size 6 to size 8: got 0 hashes, want 3");
  }
}
