package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cache answers exactly what its source would, from memory for the top of the tree. */
class UpperNodeCacheTest {
  private static List<Digest> leaves(int n) {
    List<Digest> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(TreeHasher.leafHash(("leaf-" + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  @Test
  void proofsThroughTheCacheAreTheSourcesProofsAndRepeatsCostNoFetch() {
    MerkleTestSource source = MerkleTestSource.of(leaves(1000));
    UpperNodeCache cache = new UpperNodeCache(source, 100_000);
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      long size = 1 + random.nextInt(1000);
      long index = random.nextInt((int) size);
      assertThat(MerkleProofs.inclusion(index, size, cache))
          .isEqualTo(MerkleProofs.inclusion(index, size, source));
      long m = 1 + random.nextInt((int) size);
      assertThat(MerkleProofs.consistency(m, size, cache))
          .isEqualTo(MerkleProofs.consistency(m, size, source));
    }
    // A proof whose nodes are all above the leaves, asked twice, is answered from memory.
    List<NodeId> upper = List.of(new NodeId(3, 5), new NodeId(6, 1), new NodeId(9, 0));
    List<Digest> first = cache.hashes(upper);
    int calls = source.calls();
    assertThat(cache.hashes(upper)).isEqualTo(first);
    assertThat(source.calls()).isEqualTo(calls);
    // Leaf hashes are always read from the source.
    cache.hashes(List.of(new NodeId(0, 17)));
    assertThat(source.calls()).isEqualTo(calls + 1);
  }

  @Test
  void memoryStaysBoundedByRaisingTheLowestLevelKept() {
    MerkleTestSource source = MerkleTestSource.of(leaves(4096));
    UpperNodeCache cache = new UpperNodeCache(source, 300);
    for (long index = 0; index < 4096; index += 3) {
      assertThat(MerkleProofs.inclusion(index, 4096, cache))
          .isEqualTo(MerkleProofs.inclusion(index, 4096, source));
      assertThat(cache.size()).isLessThanOrEqualTo(300);
    }
    // 4096 leaves have 2048 + 1024 + ... nodes above them: 511 from level 4 up, too many for
    // 300; 255 from level 5 up.
    assertThat(cache.minLevel()).isEqualTo(5);
    assertThat(cache.size()).isBetween(128, 255);
  }
}
