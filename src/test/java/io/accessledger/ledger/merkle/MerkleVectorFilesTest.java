package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Consistency;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Inclusion;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Tree;
import io.accessledger.ledger.merkle.TreeHasher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The checked-in vector files against their three sources: the naive reference that made them,
 * the fast storage-based code that serves proofs ({@link MerkleProofs}, {@link CompactRange},
 * {@link TreeHasher}), and the RFC 6962 vectors kept in {@link MerkleVectorsTest}.
 *
 * <p>To rewrite the files after an intended change to the generator (never to make a failing
 * check pass): {@code mvn -o -q test -Dtest=MerkleVectorFilesTest -Dmerkle.regenerate=true}.
 */
class MerkleVectorFilesTest {
  private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "merkle");
  private static final String STALE =
      "merkle/%s differs from what MerkleReference gives: the file was edited or the reference"
          + " changed";

  @Test
  @EnabledIfSystemProperty(named = "merkle.regenerate", matches = "true")
  void regenerate() throws IOException {
    MerkleVectorGenerator.writeAll(SOURCE_DIR);
  }

  @Test
  void theFilesAreWhatTheReferenceGives() {
    assertThat(MerkleVectorFiles.text(MerkleVectorFiles.ROOTS)).as(STALE, MerkleVectorFiles.ROOTS)
        .isEqualTo(MerkleVectorFiles.toText(MerkleVectorGenerator.roots()));
    assertThat(MerkleVectorFiles.text(MerkleVectorFiles.INCLUSION))
        .as(STALE, MerkleVectorFiles.INCLUSION)
        .isEqualTo(MerkleVectorFiles.toText(MerkleVectorGenerator.inclusion()));
    assertThat(MerkleVectorFiles.text(MerkleVectorFiles.CONSISTENCY))
        .as(STALE, MerkleVectorFiles.CONSISTENCY)
        .isEqualTo(MerkleVectorFiles.toText(MerkleVectorGenerator.consistency()));
  }

  @Test
  void theFastCodeGivesTheSameLeafHashesAndRoots() {
    for (Tree tree : MerkleVectorFiles.roots().trees()) {
      CompactRange range = new CompactRange();
      assertThat(range.root()).as("%s: root of 0", tree.name()).isEqualTo(tree.roots().get(0));
      for (int i = 0; i < tree.leaves().size(); i++) {
        Digest leafHash = TreeHasher.leafHash(tree.leaf(i));
        assertThat(leafHash).as("%s: leaf hash %d", tree.name(), i)
            .isEqualTo(tree.leafHashes().get(i));
        range.append(leafHash);
        assertThat(range.root()).as("%s: appended root of %d", tree.name(), i + 1)
            .isEqualTo(tree.roots().get(i + 1));
      }
      MerkleTestSource source = MerkleTestSource.of(tree.leafHashes());
      for (int size = 0; size < tree.roots().size(); size++) {
        assertThat(MerkleProofs.root(size, source)).as("%s: stored root of %d", tree.name(), size)
            .isEqualTo(tree.roots().get(size));
      }
    }
  }

  @Test
  void theFastCodeGivesTheSameProofs() {
    Map<String, MerkleTestSource> sources = new HashMap<>();
    for (Tree tree : MerkleVectorFiles.roots().trees()) {
      sources.put(tree.name(), MerkleTestSource.of(tree.leafHashes()));
    }
    for (Inclusion v : MerkleVectorFiles.inclusion().vectors()) {
      Tree tree = MerkleVectorFiles.roots().tree(v.tree());
      assertThat(v.leafHash()).as(v.desc()).isEqualTo(tree.leafHashes().get((int) v.leafIndex()));
      assertThat(v.root()).as(v.desc()).isEqualTo(tree.roots().get((int) v.treeSize()));
      MerkleTestSource source = sources.get(v.tree());
      assertThat(MerkleProofs.inclusion(v.leafIndex(), v.treeSize(), source)).as(v.desc())
          .isEqualTo(v.proof());
      assertThat(MerkleProofs.inclusions(List.of(v.leafIndex()), v.treeSize(), source))
          .as("%s, in a batch", v.desc()).containsExactly(v.proof());
    }
    for (Consistency v : MerkleVectorFiles.consistency().vectors()) {
      Tree tree = MerkleVectorFiles.roots().tree(v.tree());
      assertThat(v.root1()).as(v.desc()).isEqualTo(tree.roots().get((int) v.size1()));
      assertThat(v.root2()).as(v.desc()).isEqualTo(tree.roots().get((int) v.size2()));
      assertThat(MerkleProofs.consistency(v.size1(), v.size2(), sources.get(v.tree())))
          .as(v.desc()).isEqualTo(v.proof());
    }
  }

  @Test
  void theFilesHoldEveryRfc6962VectorKeptInCode() {
    Tree rfc = MerkleVectorFiles.roots().tree(MerkleVectorGenerator.RFC6962);
    assertThat(rfc.roots().subList(1, rfc.roots().size())).isEqualTo(MerkleVectorsTest.ROOTS);
    assertThat(rfc.leaves()).hasSameSizeAs(MerkleVectorsTest.LEAVES);
    for (int i = 0; i < rfc.leaves().size(); i++) {
      assertThat(rfc.leaf(i)).isEqualTo(MerkleVectorsTest.LEAVES.get(i));
    }
    List<Inclusion> inclusion = MerkleVectorFiles.inclusion().vectors();
    for (Arguments known : MerkleVectorsTest.inclusionVectors().toList()) {
      Object[] a = known.get();
      assertThat(inclusion).as("leaf %s of %s", a[0], a[1]).anyMatch(v ->
          v.tree().equals(rfc.name()) && v.leafIndex() == (int) a[0]
              && v.treeSize() == (int) a[1] && v.proof().equals(a[2]));
    }
    List<Consistency> consistency = MerkleVectorFiles.consistency().vectors();
    for (Arguments known : MerkleVectorsTest.consistencyVectors().toList()) {
      Object[] a = known.get();
      assertThat(consistency).as("from %s to %s", a[0], a[1]).anyMatch(v ->
          v.tree().equals(rfc.name()) && v.size1() == (int) a[0]
              && v.size2() == (int) a[1] && v.proof().equals(a[2]));
    }
  }
}
