package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleMath;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleCompactRangeTest {
  private static final int MAX = 300;

  private static List<Digest> leafHashes() {
    List<Digest> hashes = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      hashes.add(TreeHasher.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return hashes;
  }

  @Test
  void resumingFromStoredRootNodesGivesTheSameTree() {
    List<Digest> leaves = leafHashes();
    // From scratch: every root and every emitted node, keyed by size.
    CompactRange scratch = new CompactRange();
    MerkleTestSource stored = new MerkleTestSource();
    List<Digest> roots = new ArrayList<>(List.of(scratch.root()));
    List<List<StoredNode>> emitted = new ArrayList<>();
    for (Digest leaf : leaves) {
      emitted.add(scratch.append(leaf));
      stored.append(leaf);
      roots.add(scratch.root());
    }
    for (int resumeAt = 0; resumeAt <= MAX; resumeAt += 7) {
      // What the writer does on start: load the hashes of rootNodes(size) from storage.
      List<Digest> loaded = stored.hashes(MerkleMath.rootNodes(resumeAt));
      CompactRange resumed = new CompactRange(resumeAt, loaded);
      assertThat(resumed.size()).isEqualTo(resumeAt);
      assertThat(resumed.root()).isEqualTo(roots.get(resumeAt));
      for (int i = resumeAt; i < MAX; i++) {
        assertThat(resumed.append(leaves.get(i))).isEqualTo(emitted.get(i));
        assertThat(resumed.root()).as("root %d resumed at %d", i + 1, resumeAt)
            .isEqualTo(roots.get(i + 1));
      }
    }
  }

  @Test
  void appendEmitsTheLeafThenEachCompletedParentUpwards() {
    CompactRange range = new CompactRange();
    List<Digest> leaves = leafHashes();
    for (int i = 0; i < 7; i++) {
      range.append(leaves.get(i));
    }
    List<StoredNode> completed = range.append(leaves.get(7));
    assertThat(completed).extracting(StoredNode::id).containsExactly(
        new NodeId(0, 7), new NodeId(1, 3), new NodeId(2, 1), new NodeId(3, 0));
    assertThat(completed.get(0).hash()).isEqualTo(leaves.get(7));
    assertThat(completed.get(3).hash()).isEqualTo(range.root());
    assertThat(range.append(leaves.get(8))).extracting(StoredNode::id)
        .containsExactly(new NodeId(0, 8));
  }

  @Test
  void keepsOneHashPerRootNodeAndStoresEachSubtreeOnce() {
    MerkleTestSource source = new MerkleTestSource();
    List<Digest> leaves = leafHashes();
    for (int i = 0; i < MAX; i++) {
      source.append(leaves.get(i));
      long size = i + 1;
      CompactRange range = source.range();
      assertThat(range.frontier()).hasSize(Long.bitCount(size));
      assertThat(range.frontier()).isEqualTo(source.hashes(MerkleMath.rootNodes(size)));
    }
    // Perfect subtrees within 300 leaves: 300 + 150 + 75 + 37 + 18 + 9 + 4 + 2 + 1.
    assertThat(source.nodeCount()).isEqualTo(2 * MAX - Integer.bitCount(MAX));
  }

  @Test
  void refusesAFrontierThatDoesNotFitTheSize() {
    List<Digest> two = List.of(Digest.ZERO, Digest.ZERO);
    assertThatThrownBy(() -> new CompactRange(4, two))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tree of size 4 has 1 root nodes, got 2 hashes");
    assertThatThrownBy(() -> new CompactRange(7, two))
        .hasMessage("a tree of size 7 has 3 root nodes, got 2 hashes");
    assertThatThrownBy(() -> new CompactRange(-1, List.of()))
        .hasMessage("tree size must be >= 0, got -1");
    assertThatThrownBy(() -> new CompactRange(3, Arrays.asList(Digest.ZERO, null)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new CompactRange().append(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void refusesToGrowPastTheLargestSize() {
    List<Digest> frontier = new ArrayList<>();
    for (int i = 0; i < 63; i++) {
      frontier.add(Digest.ZERO);
    }
    CompactRange full = new CompactRange(Long.MAX_VALUE, frontier);
    assertThatThrownBy(() -> full.append(Digest.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full");
    CompactRange almost = new CompactRange(Long.MAX_VALUE - 1, frontier.subList(0, 62));
    assertThat(almost.append(Digest.ZERO)).hasSize(1);
    assertThat(almost.size()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void frontierIsACopy() {
    CompactRange range = new CompactRange();
    range.append(Digest.ZERO);
    List<Digest> frontier = range.frontier();
    range.append(Digest.ZERO);
    assertThat(frontier).containsExactly(Digest.ZERO);
    assertThatThrownBy(() -> frontier.add(Digest.ZERO))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
