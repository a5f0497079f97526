package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleProofsTest {
  private static final NodeSource NEVER = ids -> {
    throw new AssertionError("no node should be fetched, asked for " + ids);
  };

  private static MerkleTestSource source(int size) {
    List<Digest> leaves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      leaves.add(TreeHasher.leafHash(new byte[] {(byte) i}));
    }
    return MerkleTestSource.of(leaves);
  }

  @Test
  void trivialAnswersFetchNothing() {
    assertThat(MerkleProofs.root(0, NEVER)).isEqualTo(TreeHasher.emptyRoot());
    assertThat(MerkleProofs.inclusion(0, 1, NEVER)).isEmpty();
    assertThat(MerkleProofs.consistency(5, 5, NEVER)).isEmpty();
  }

  @Test
  void eachProofIsOneFetch() {
    MerkleTestSource source = source(100);
    MerkleProofs.root(99, source);
    MerkleProofs.inclusion(37, 99, source);
    MerkleProofs.consistency(37, 99, source);
    assertThat(source.calls()).isEqualTo(3);
  }

  @Test
  void manyInclusionProofsAreTheSingleProofsFetchedOnce() {
    MerkleTestSource source = source(300);
    for (long size : new long[] {1, 2, 7, 64, 257, 300}) {
      java.util.List<Long> indexes = new java.util.ArrayList<>();
      for (long i = 0; i < size; i += 1 + size / 17) {
        indexes.add(i);
      }
      indexes.add(size - 1);
      indexes.add(0L); // repeats are answered again
      int before = source.calls();
      java.util.List<java.util.List<Digest>> proofs = MerkleProofs.inclusions(indexes, size, source);
      assertThat(source.calls() - before).isLessThanOrEqualTo(1);
      assertThat(proofs).hasSameSizeAs(indexes);
      for (int k = 0; k < indexes.size(); k++) {
        assertThat(proofs.get(k)).isEqualTo(MerkleProofs.inclusion(indexes.get(k), size, source));
      }
    }
    assertThatThrownBy(() -> MerkleProofs.inclusions(java.util.List.of(3L, 10L), 10, source))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesArgumentsOutsideTheTree() {
    MerkleTestSource source = source(10);
    assertThatThrownBy(() -> MerkleProofs.root(-1, source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleProofs.inclusion(10, 10, source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleProofs.consistency(0, 10, source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleProofs.consistency(11, 10, source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(source.calls()).isZero();
  }

  @Test
  void refusesASourceThatAnswersTheWrongNumberOfHashes() {
    NodeSource shortAnswer = ids -> List.of(Digest.ZERO);
    assertThatThrownBy(() -> MerkleProofs.inclusion(3, 8, shortAnswer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node source answered 1 hashes for 3 node ids");
    NodeSource holes = ids -> Arrays.asList(new Digest[ids.size()]);
    assertThatThrownBy(() -> MerkleProofs.root(7, holes))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no hash for NodeId[level=2, index=0]");
    assertThatThrownBy(() -> MerkleProofs.root(7, ids -> null))
        .hasMessage("node source answered null for 3 node ids");
  }

  @Test
  void aMissingStoredNodeSurfacesAsTheSourcesError() {
    MerkleTestSource source = source(4);
    assertThatThrownBy(() -> MerkleProofs.inclusion(0, 6, source))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no stored node");
  }
}
