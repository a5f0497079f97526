package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MerkleMathTest {
  private static NodeId n(int level, long index) {
    return new NodeId(level, index);
  }

  @Test
  void nodeIdCoversItsLeaves() {
    assertThat(n(3, 2).firstLeaf()).isEqualTo(16);
    assertThat(n(3, 2).leafCount()).isEqualTo(8);
    assertThat(NodeId.leaf(5)).isEqualTo(n(0, 5));
    assertThat(n(62, 0).leafCount()).isEqualTo(1L << 62);
    assertThat(n(0, Long.MAX_VALUE - 1).firstLeaf()).isEqualTo(Long.MAX_VALUE - 1);
  }

  @Test
  void nodeIdRefusesImpossibleNodes() {
    assertThatThrownBy(() -> n(-1, 0)).hasMessageContaining("level must be 0..62, got -1");
    assertThatThrownBy(() -> n(63, 0)).hasMessageContaining("level must be 0..62, got 63");
    assertThatThrownBy(() -> n(0, -1)).hasMessageContaining("index must be >= 0, got -1");
    assertThatThrownBy(() -> n(62, 1)).hasMessageContaining("beyond the largest tree size");
    assertThatThrownBy(() -> n(0, Long.MAX_VALUE)).hasMessageContaining("beyond");
  }

  @Test
  void rangeNodesSplitsAsRfc9162Does() {
    assertThat(MerkleMath.rangeNodes(0, 7)).containsExactly(n(2, 0), n(1, 2), n(0, 6));
    assertThat(MerkleMath.rangeNodes(8, 11)).containsExactly(n(1, 4), n(0, 10));
    assertThat(MerkleMath.rangeNodes(6, 8)).containsExactly(n(1, 3));
    assertThat(MerkleMath.rangeNodes(4, 4)).isEmpty();
    assertThat(MerkleMath.rootNodes(13)).containsExactly(n(3, 0), n(2, 2), n(0, 12));
    assertThat(MerkleMath.rootNodes(0)).isEmpty();
  }

  @Test
  void rangeNodesRefusesRangesNoProofUses() {
    assertThatThrownBy(() -> MerkleMath.rangeNodes(4, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not start on a multiple of 8");
    assertThatThrownBy(() -> MerkleMath.rangeNodes(5, 4)).hasMessageContaining("[5, 4)");
    assertThatThrownBy(() -> MerkleMath.rangeNodes(-1, 3)).hasMessageContaining("[-1, 3)");
    assertThatThrownBy(() -> MerkleMath.rootNodes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rootNodesOfTheLargestTreeDoNotOverflow() {
    List<NodeId> nodes = MerkleMath.rootNodes(Long.MAX_VALUE);
    assertThat(nodes).hasSize(63);
    assertThat(nodes.get(0)).isEqualTo(n(62, 0));
    assertThat(nodes.get(62)).isEqualTo(n(0, Long.MAX_VALUE - 1));
  }

  @Test
  void inclusionProofIsPathOrder() {
    assertThat(MerkleMath.inclusionProof(5, 8))
        .containsExactly(List.of(n(0, 4)), List.of(n(1, 3)), List.of(n(2, 0)));
    // The right sibling of the root's left half is the incomplete range [4, 7).
    assertThat(MerkleMath.inclusionProof(0, 7))
        .containsExactly(List.of(n(0, 1)), List.of(n(1, 1)), List.of(n(1, 2), n(0, 6)));
    assertThat(MerkleMath.inclusionProof(6, 7))
        .containsExactly(List.of(n(1, 2)), List.of(n(2, 0)));
    assertThat(MerkleMath.inclusionProof(0, 1)).isEmpty();
  }

  @Test
  void inclusionProofRefusesLeavesOutsideTheTree() {
    assertThatThrownBy(() -> MerkleMath.inclusionProof(0, 0))
        .hasMessage("leaf index 0 is not in a tree of size 0");
    assertThatThrownBy(() -> MerkleMath.inclusionProof(3, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleMath.inclusionProof(-1, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void consistencyProofIsSubproofOrder() {
    // RFC 9162 2.1.5's example trees: from 3 leaves to 7.
    assertThat(MerkleMath.consistencyProof(3, 7))
        .containsExactly(
            List.of(n(0, 2)), List.of(n(0, 3)), List.of(n(1, 0)), List.of(n(1, 2), n(0, 6)));
    assertThat(MerkleMath.consistencyProof(6, 8))
        .containsExactly(List.of(n(1, 2)), List.of(n(1, 3)), List.of(n(2, 0)));
    // A power-of-two old tree is a subtree of the new one; its root is not sent.
    assertThat(MerkleMath.consistencyProof(4, 7)).containsExactly(List.of(n(1, 2), n(0, 6)));
    assertThat(MerkleMath.consistencyProof(4, 4)).isEmpty();
  }

  @Test
  void consistencyProofRefusesUndefinedSizes() {
    assertThatThrownBy(() -> MerkleMath.consistencyProof(0, 5))
        .hasMessageContaining("from size 0 to size 5 is not defined");
    assertThatThrownBy(() -> MerkleMath.consistencyProof(6, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleMath.consistencyProofLength(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void proofLengthFormulasMatchTheProofs() {
    for (long size = 1; size <= 200; size++) {
      for (long i = 0; i < size; i++) {
        assertThat(MerkleMath.inclusionProofLength(i, size))
            .as("inclusion %d of %d", i, size)
            .isEqualTo(MerkleMath.inclusionProof(i, size).size());
        long m = i + 1;
        assertThat(MerkleMath.consistencyProofLength(m, size))
            .as("consistency %d to %d", m, size)
            .isEqualTo(MerkleMath.consistencyProof(m, size).size());
      }
    }
  }

  @Test
  void proofsOfHugeTreesAreSmallAndDoNotOverflow() {
    SplittableRandom random = new SplittableRandom(9162);
    long[] sizes = {Long.MAX_VALUE, Long.MAX_VALUE - 1, 1L << 62, (1L << 62) + 1, 1L << 40};
    for (long size : sizes) {
      for (int t = 0; t < 200; t++) {
        long a = random.nextLong(size);
        List<List<NodeId>> incl = MerkleMath.inclusionProof(a, size);
        assertThat(incl).hasSize(MerkleMath.inclusionProofLength(a, size));
        assertThat(incl.stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(126);
        long m = a + 1;
        assertThat(MerkleMath.consistencyProof(m, size))
            .hasSize(MerkleMath.consistencyProofLength(m, size));
      }
    }
  }
}
