package io.accessledger.ledger.merkle;

import io.accessledger.ledger.merkle.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Named mutations of a good proof, in the spirit of transparency-dev/merkle's {@code testdata}
 * (whose files are each one such mutation): every one changes what is claimed or what is sent,
 * and a verifier must refuse it.
 *
 * <p>"Wrong size" claims another size of the same tree, with that tree's root for it: always
 * refusable. "Wrong size ... keeping the root" claims another size with the original root, and
 * there is one exception, flagged by {@link Mutation#provable()} being false: the other size can
 * leave every hash of the proof on the same side at the same step, so the verifier computes the
 * very same root (leaf 0 of 5 and leaf 0 of 6, say: the right half is one hash either way). No
 * RFC 9162 proof can tell such claims apart; the signed checkpoint, binding the size to the
 * root, does. Which mutations those are is decided from {@link MerkleReference}'s shapes, never
 * from the verifier.
 */
final class MerkleMutations {
  /** Bits flipped in each hash: the first bit of the first byte and the last of the last. */
  private static final int[] BITS = {0, 255};

  /** The inputs of {@link ProofVerifier#verifyInclusion}. */
  record InclusionClaim(long index, long size, Digest leafHash, List<Digest> proof, Digest root) {}

  /** The inputs of {@link ProofVerifier#verifyConsistency}. */
  record ConsistencyClaim(long size1, long size2, List<Digest> proof, Digest root1, Digest root2) {}

  /** A named change to a good claim; {@code provable} is false only as the class comment says. */
  record Mutation<C>(String name, C claim, boolean provable) {}

  private MerkleMutations() {}

  /**
   * Every mutation of {@code good} that applies to it; {@code otherLeaf} is the hash of another
   * leaf of the same tree, for "wrong leaf", and {@code roots.get(s)} the tree's root of size s.
   */
  static List<Mutation<InclusionClaim>> of(
      InclusionClaim good, Digest otherLeaf, List<Digest> roots) {
    List<Mutation<InclusionClaim>> out = new ArrayList<>();
    long i = good.index();
    long n = good.size();
    for (int j = 0; j < good.proof().size(); j++) {
      for (int bit : BITS) {
        out.add(sent("flipped bit " + bit + " of proof[" + j + "]", new InclusionClaim(
            i, n, good.leafHash(), flipped(good.proof(), j, bit), good.root())));
      }
    }
    for (int bit : BITS) {
      out.add(sent("flipped bit " + bit + " of leafHash", new InclusionClaim(
          i, n, flip(good.leafHash(), bit), good.proof(), good.root())));
      out.add(sent("flipped bit " + bit + " of root", new InclusionClaim(
          i, n, good.leafHash(), good.proof(), flip(good.root(), bit))));
    }
    proofEdits(good.proof(), good.root(), (name, proof) -> out.add(sent(name,
        new InclusionClaim(i, n, good.leafHash(), proof, good.root()))));
    out.add(sent("wrong leaf", new InclusionClaim(i, n, otherLeaf, good.proof(), good.root())));
    // "When valid": an index outside the tree is refused before the proof is looked at.
    for (long di : new long[] {+1, -1}) {
      if (i + di >= 0 && i + di < n) {
        out.add(claimed("wrong index " + signed(di), good, i + di, n));
      }
    }
    for (long dn : new long[] {+1, -1}) {
      if (n + dn < roots.size()) {
        out.add(sent("wrong size " + signed(dn), new InclusionClaim(
            i, n + dn, good.leafHash(), good.proof(), roots.get((int) (n + dn)))));
      }
      out.add(claimed("wrong size " + signed(dn) + " keeping the root", good, i, n + dn));
    }
    return out;
  }

  /** Every mutation of {@code good} that applies to it; {@code roots} as for inclusion. */
  static List<Mutation<ConsistencyClaim>> of(ConsistencyClaim good, List<Digest> roots) {
    List<Mutation<ConsistencyClaim>> out = new ArrayList<>();
    long m = good.size1();
    long n = good.size2();
    Function<List<Digest>, ConsistencyClaim> withProof =
        proof -> new ConsistencyClaim(m, n, proof, good.root1(), good.root2());
    for (int j = 0; j < good.proof().size(); j++) {
      for (int bit : BITS) {
        out.add(sent("flipped bit " + bit + " of proof[" + j + "]",
            withProof.apply(flipped(good.proof(), j, bit))));
      }
    }
    for (int bit : BITS) {
      out.add(sent("flipped bit " + bit + " of root1",
          new ConsistencyClaim(m, n, good.proof(), flip(good.root1(), bit), good.root2())));
      out.add(sent("flipped bit " + bit + " of root2",
          new ConsistencyClaim(m, n, good.proof(), good.root1(), flip(good.root2(), bit))));
    }
    proofEdits(good.proof(), good.root2(), (name, proof) -> out.add(sent(name,
        withProof.apply(proof))));
    // Equal sizes have equal roots, so swapping them would change nothing.
    if (!good.root1().equals(good.root2())) {
      out.add(sent("swapped roots",
          new ConsistencyClaim(m, n, good.proof(), good.root2(), good.root1())));
    }
    for (long d : new long[] {+1, -1}) {
      if (m + d < roots.size()) {
        out.add(sent("wrong size1 " + signed(d), new ConsistencyClaim(
            m + d, n, good.proof(), roots.get((int) (m + d)), good.root2())));
      }
      if (n + d < roots.size()) {
        out.add(sent("wrong size2 " + signed(d), new ConsistencyClaim(
            m, n + d, good.proof(), good.root1(), roots.get((int) (n + d)))));
      }
      out.add(claimed("wrong size1 " + signed(d) + " keeping the roots", good, m + d, n));
      out.add(claimed("wrong size2 " + signed(d) + " keeping the roots", good, m, n + d));
    }
    return out;
  }

  /** Truncated, extended (by {@code extra}, a real hash of the tree) and emptied proofs. */
  private static void proofEdits(List<Digest> proof, Digest extra,
      BiConsumer<String, List<Digest>> sink) {
    int k = proof.size();
    if (k > 0) {
      sink.accept("truncated proof", proof.subList(0, k - 1));
      sink.accept("empty proof", List.of());
    }
    List<Digest> extended = new ArrayList<>(proof);
    extended.add(extra);
    sink.accept("extended proof", extended);
  }

  private static <C> Mutation<C> sent(String name, C claim) {
    return new Mutation<>(name, claim, true);
  }

  private static Mutation<InclusionClaim> claimed(
      String name, InclusionClaim good, long index, long size) {
    boolean provable = index < 0 || index >= size
        || !MerkleReference.pathShape(Math.toIntExact(index), Math.toIntExact(size))
            .equals(MerkleReference.pathShape((int) good.index(), (int) good.size()));
    return new Mutation<>(name,
        new InclusionClaim(index, size, good.leafHash(), good.proof(), good.root()), provable);
  }

  private static Mutation<ConsistencyClaim> claimed(
      String name, ConsistencyClaim good, long m, long n) {
    boolean provable = m < 1 || m > n
        || !MerkleReference.proofShape(Math.toIntExact(m), Math.toIntExact(n))
            .equals(MerkleReference.proofShape((int) good.size1(), (int) good.size2()));
    return new Mutation<>(name,
        new ConsistencyClaim(m, n, good.proof(), good.root1(), good.root2()), provable);
  }

  private static String signed(long delta) {
    return delta > 0 ? "+" + delta : Long.toString(delta);
  }

  private static List<Digest> flipped(List<Digest> proof, int at, int bit) {
    List<Digest> copy = new ArrayList<>(proof);
    copy.set(at, flip(proof.get(at), bit));
    return copy;
  }

  /** {@code hash} with bit {@code bit} flipped, counting from the high bit of byte 0. */
  static Digest flip(Digest hash, int bit) {
    byte[] bytes = hash.bytes();
    bytes[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    return Digest.of(bytes);
  }
}
