package io.accessledger.ledger.merkle;

import io.accessledger.ledger.merkle.MerkleVectorFiles.Consistency;
import io.accessledger.ledger.merkle.MerkleVectorFiles.ConsistencyFile;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Inclusion;
import io.accessledger.ledger.merkle.MerkleVectorFiles.InclusionFile;
import io.accessledger.ledger.merkle.MerkleVectorFiles.RootsFile;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Tree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Makes the vector files from the naive {@link MerkleReference} alone, never from the code under
 * test, so that the files cross-check it. Deterministic: the same bytes on every run, which
 * {@link MerkleVectorFilesTest} checks against the checked-in files.
 */
final class MerkleVectorGenerator {
  /** The RFC 6962 eight leaves of {@link MerkleVectorsTest}: every pair of sizes up to 8. */
  static final String RFC6962 = "rfc6962";
  /** Leaves "leaf 0" .. "leaf 128" (UTF-8): edge cases around powers of two up to 129. */
  static final String TEXT = "text-129";

  private static final List<Integer> TEXT_SIZES =
      List.of(1, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129);

  private MerkleVectorGenerator() {}

  /** Writes the three files into {@code dir}, replacing what is there. */
  static void writeAll(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MerkleVectorFiles.ROOTS),
        MerkleVectorFiles.toText(roots()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(MerkleVectorFiles.INCLUSION),
        MerkleVectorFiles.toText(inclusion()), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(MerkleVectorFiles.CONSISTENCY),
        MerkleVectorFiles.toText(consistency()), StandardCharsets.UTF_8);
  }

  static RootsFile roots() {
    return new RootsFile(
        "RFC 9162 Merkle trees: leaf data (hex), leaf hashes SHA-256(0x00 || leaf) and roots[s],"
            + " the root of the first s leaves (roots[0] is SHA-256 of nothing). Generated from"
            + " MerkleReference by MerkleVectorGenerator; do not edit by hand.",
        List.of(tree(RFC6962, MerkleVectorsTest.LEAVES), tree(TEXT, textLeaves())));
  }

  static InclusionFile inclusion() {
    List<Inclusion> vectors = new ArrayList<>();
    MerkleReference rfc = new MerkleReference(MerkleVectorsTest.LEAVES);
    for (int n = 1; n <= MerkleVectorsTest.LEAVES.size(); n++) {
      for (int i = 0; i < n; i++) {
        vectors.add(inclusion(RFC6962, rfc, i, n));
      }
    }
    MerkleReference text = new MerkleReference(textLeaves());
    for (int n : TEXT_SIZES) {
      for (int i : pick(0, n - 1, 0, 1, n / 2, n - 2, n - 1, below(n) - 1, below(n),
          below(n) + 1)) {
        vectors.add(inclusion(TEXT, text, i, n));
      }
    }
    return new InclusionFile(
        "RFC 9162 inclusion proofs (PATH order: the leaf's sibling first) of leaf leafIndex in"
            + " the first treeSize leaves of the named tree in roots.json. All verify; the tests"
            + " apply the named mutations to each. Generated from MerkleReference; do not edit.",
        vectors);
  }

  static ConsistencyFile consistency() {
    List<Consistency> vectors = new ArrayList<>();
    MerkleReference rfc = new MerkleReference(MerkleVectorsTest.LEAVES);
    for (int n = 1; n <= MerkleVectorsTest.LEAVES.size(); n++) {
      for (int m = 1; m <= n; m++) {
        vectors.add(consistency(RFC6962, rfc, m, n));
      }
    }
    MerkleReference text = new MerkleReference(textLeaves());
    for (int n : TEXT_SIZES) {
      for (int m : pick(1, n, 1, 2, n / 2, n - 1, n, below(n) - 1, below(n), below(n) + 1)) {
        vectors.add(consistency(TEXT, text, m, n));
      }
    }
    return new ConsistencyFile(
        "RFC 9162 consistency proofs (PROOF order) from the first size1 to the first size2"
            + " leaves of the named tree in roots.json, 1 <= size1 <= size2 (size1 = 0 has no"
            + " proof and is refused). All verify; the tests apply the named mutations to each."
            + " Generated from MerkleReference; do not edit.",
        vectors);
  }

  private static Tree tree(String name, List<byte[]> leaves) {
    MerkleReference reference = new MerkleReference(leaves);
    return new Tree(name,
        leaves.stream().map(HexFormat.of()::formatHex).toList(),
        IntStream.range(0, leaves.size()).mapToObj(reference::leafHash).toList(),
        IntStream.rangeClosed(0, leaves.size()).mapToObj(reference::mth).toList());
  }

  private static Inclusion inclusion(String tree, MerkleReference reference, int i, int n) {
    return new Inclusion(tree + ": leaf " + i + " of " + n, tree, i, n, reference.leafHash(i),
        reference.mth(n), reference.path(i, n));
  }

  private static Consistency consistency(String tree, MerkleReference reference, int m, int n) {
    return new Consistency(tree + ": " + m + " to " + n, tree, m, n, reference.mth(m),
        reference.mth(n), reference.proof(m, n));
  }

  static List<byte[]> textLeaves() {
    return IntStream.range(0, 129)
        .mapToObj(i -> ("leaf " + i).getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** The largest power of two below {@code n}, or 1 for n = 1. */
  private static int below(int n) {
    return n == 1 ? 1 : Integer.highestOneBit(n - 1);
  }

  /** The distinct {@code candidates} within [min, max], ascending. */
  private static List<Integer> pick(int min, int max, int... candidates) {
    TreeSet<Integer> picked = new TreeSet<>();
    for (int c : candidates) {
      if (c >= min && c <= max) {
        picked.add(c);
      }
    }
    return List.copyOf(picked);
  }
}
