package io.accessledger.ledger;

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
