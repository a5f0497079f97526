package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 6962 eight-leaf test vectors used by Certificate Transparency and transparency-dev/merkle
 * (proof/verify_test.go). There the inclusion vectors name leaves counting from 1; here they are
 * converted to 0-based indexes.
 *
 * <p>Kept in code as a second source, copied from outside this project: the checked-in files
 * under {@code merkle/} hold the same vectors (among many more), which
 * {@link MerkleVectorFilesTest} checks, so a wrong file cannot pass for a right one.
 */
class MerkleVectorsTest {
  static final List<byte[]> LEAVES =
      Stream.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
              "606162636465666768696a6b6c6d6e6f")
          .map(HexFormat.of()::parseHex)
          .toList();

  /** Roots of the trees of the first 1..8 leaves. */
  static final List<Digest> ROOTS =
      Stream.of(
              "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
              "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
              "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
              "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
              "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
              "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
              "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
              "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
          .map(Digest::fromHex)
          .toList();

  private static final MerkleReference REFERENCE = new MerkleReference(LEAVES);
  private static final MerkleTestSource SOURCE = MerkleTestSource.of(leafHashes());

  private static List<Digest> leafHashes() {
    return LEAVES.stream().map(TreeHasher::leafHash).toList();
  }

  private static List<Digest> hashes(String... hex) {
    return Stream.of(hex).map(Digest::fromHex).toList();
  }

  static Stream<Arguments> inclusionVectors() {
    return Stream.of(
        Arguments.of(0, 8, hashes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(5, 8, hashes(
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 3, hashes(
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(1, 5, hashes(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(0, 1, List.of()));
  }

  static Stream<Arguments> consistencyVectors() {
    return Stream.of(
        Arguments.of(1, 1, List.of()),
        Arguments.of(1, 8, hashes(
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(6, 8, hashes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(2, 5, hashes(
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(6, 7, hashes(
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
  }

  @Test
  void emptyTreeRootIsSha256OfNothing() {
    assertThat(TreeHasher.emptyRoot().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(MerkleProofs.root(0, SOURCE)).isEqualTo(REFERENCE.mth(0));
    assertThat(new CompactRange().root()).isEqualTo(TreeHasher.emptyRoot());
  }

  @Test
  void rootsOfSizesOneToEight() {
    CompactRange range = new CompactRange();
    List<Digest> appended = new ArrayList<>();
    for (int size = 1; size <= 8; size++) {
      range.append(TreeHasher.leafHash(LEAVES.get(size - 1)));
      appended.add(range.root());
      assertThat(REFERENCE.mth(size)).as("reference root %d", size).isEqualTo(ROOTS.get(size - 1));
      assertThat(MerkleProofs.root(size, SOURCE)).as("root %d", size).isEqualTo(ROOTS.get(size - 1));
    }
    assertThat(appended).isEqualTo(ROOTS);
    assertThat(range.root().hex())
        .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  }

  @ParameterizedTest(name = "leaf {0} of {1}")
  @MethodSource("inclusionVectors")
  void knownInclusionProofs(int index, int size, List<Digest> want) {
    assertThat(REFERENCE.path(index, size)).isEqualTo(want);
    assertThat(MerkleProofs.inclusion(index, size, SOURCE)).isEqualTo(want);
    assertThatCode(() -> ProofVerifier.verifyInclusion(
            index, size, TreeHasher.leafHash(LEAVES.get(index)), want, ROOTS.get(size - 1)))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "from {0} to {1}")
  @MethodSource("consistencyVectors")
  void knownConsistencyProofs(int m, int n, List<Digest> want) {
    assertThat(REFERENCE.proof(m, n)).isEqualTo(want);
    assertThat(MerkleProofs.consistency(m, n, SOURCE)).isEqualTo(want);
    assertThatCode(() -> ProofVerifier.verifyConsistency(
            m, n, want, ROOTS.get(m - 1), ROOTS.get(n - 1)))
        .doesNotThrowAnyException();
  }
}
