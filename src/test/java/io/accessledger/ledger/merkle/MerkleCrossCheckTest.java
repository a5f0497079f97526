package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every root and proof of every tree of 1..300 leaves, from stored nodes, against the naive
 * reference. One source of 300 leaves serves all sizes: a perfect subtree's hash does not depend
 * on how many leaves follow it.
 */
class MerkleCrossCheckTest {
  static final int MAX = 300;
  static MerkleReference reference;
  static MerkleTestSource source;
  static List<Digest> leafHashes;

  @BeforeAll
  static void build() {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      leaves.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    reference = new MerkleReference(leaves);
    leafHashes = leaves.stream().map(TreeHasher::leafHash).toList();
    source = MerkleTestSource.of(leafHashes);
  }

  @Test
  void leafHashesAgreeWithTheReference() {
    for (int i = 0; i < MAX; i++) {
      assertThat(leafHashes.get(i)).isEqualTo(reference.leafHash(i));
    }
  }

  @Test
  void rootsMatchTheReference() {
    for (int n = 0; n <= MAX; n++) {
      assertThat(MerkleProofs.root(n, source)).as("root of %d", n).isEqualTo(reference.mth(n));
    }
  }

  @Test
  void everyInclusionProofMatchesPathAndVerifies() throws ProofException {
    for (int n = 1; n <= MAX; n++) {
      Digest root = reference.mth(n);
      for (int i = 0; i < n; i++) {
        int callsBefore = source.calls();
        List<Digest> proof = MerkleProofs.inclusion(i, n, source);
        assertThat(source.calls() - callsBefore).isEqualTo(n == 1 ? 0 : 1);
        if (!proof.equals(reference.path(i, n))) {
          fail("inclusion proof of %d in %d differs from PATH", i, n);
        }
        ProofVerifier.verifyInclusion(i, n, leafHashes.get(i), proof, root);
      }
    }
  }

  @Test
  void everyConsistencyProofMatchesProofAndVerifies() throws ProofException {
    for (int n = 1; n <= MAX; n++) {
      Digest rootN = reference.mth(n);
      for (int m = 1; m <= n; m++) {
        int callsBefore = source.calls();
        List<Digest> proof = MerkleProofs.consistency(m, n, source);
        assertThat(source.calls() - callsBefore).isEqualTo(m == n ? 0 : 1);
        if (!proof.equals(reference.proof(m, n))) {
          fail("consistency proof from %d to %d differs from PROOF", m, n);
        }
        ProofVerifier.verifyConsistency(m, n, proof, reference.mth(m), rootN);
      }
    }
  }
}
