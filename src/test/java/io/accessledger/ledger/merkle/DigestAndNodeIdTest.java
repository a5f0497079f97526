package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestAndNodeIdTest {

  @Test
  void hexIsLowercaseAndAgreesWithTheJdkForRandomDigests() {
    Random random = new Random(1);
    for (int i = 0; i < 2_000; i++) {
      byte[] bytes = new byte[Digest.LENGTH];
      random.nextBytes(bytes);
      Digest digest = Digest.of(bytes);
      assertThat(digest.hex()).isEqualTo(HexFormat.of().formatHex(bytes));
      assertThat(Digest.fromHex(digest.hex())).isEqualTo(digest);
    }
    byte[] extremes = new byte[Digest.LENGTH];
    extremes[0] = (byte) 0xff;
    extremes[1] = (byte) 0x80;
    extremes[2] = 0x0f;
    assertThat(Digest.of(extremes).hex()).startsWith("ff800f00");
  }

  @Test
  void nodeIdsAreEqualByLevelAndIndexAndTheirHashesSpreadAcrossLevels() {
    assertThat(new NodeId(3, 17)).isEqualTo(new NodeId(3, 17));
    assertThat(new NodeId(3, 17).hashCode()).isEqualTo(new NodeId(3, 17).hashCode());
    assertThat(new NodeId(3, 17)).isNotEqualTo(new NodeId(4, 17));
    assertThat(new NodeId(3, 17)).isNotEqualTo(new NodeId(3, 18));
    assertThat(new NodeId(3, 17)).isNotEqualTo("(3, 17)");
    // The nodes a cache of the upper tree holds: every level's first 4 096 indexes.
    Set<Integer> hashes = new HashSet<>();
    int nodes = 0;
    for (int level = 0; level <= 20; level++) {
      for (long index = 0; index < 4_096; index++) {
        hashes.add(new NodeId(level, index).hashCode());
        nodes++;
      }
    }
    // 31 * level + index, the record's own hash, gives only 4 716 distinct values here; a good
    // 32-bit hash of 86 016 keys collides about once by chance.
    assertThat(hashes.size()).as("distinct hashes of %d nodes", nodes).isGreaterThan(nodes - 8);
  }
}
