package io.accessledger.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleMutations.ConsistencyClaim;
import io.accessledger.ledger.merkle.MerkleMutations.InclusionClaim;
import io.accessledger.ledger.merkle.MerkleMutations.Mutation;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Consistency;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Inclusion;
import io.accessledger.ledger.merkle.MerkleVectorFiles.Tree;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every checked-in vector verifies, and every named mutation of it is refused by
 * {@link ProofVerifier} with a message a user can act on: the index or sizes that are not
 * allowed, the proof length got and wanted, or the root got and the one wanted. A failure names
 * the vector and the mutation.
 */
class MerkleMutationsTest {
  private static final String HEX = "[0-9a-f]{64}";
  private static final MerkleVectorFiles.RootsFile TREES = MerkleVectorFiles.roots();

  private static Tree tree(String name) {
    return TREES.tree(name);
  }

  private static InclusionClaim claim(Inclusion v) {
    return new InclusionClaim(v.leafIndex(), v.treeSize(), v.leafHash(), v.proof(), v.root());
  }

  private static ConsistencyClaim claim(Consistency v) {
    return new ConsistencyClaim(v.size1(), v.size2(), v.proof(), v.root1(), v.root2());
  }

  private static void verify(InclusionClaim c) throws ProofException {
    ProofVerifier.verifyInclusion(c.index(), c.size(), c.leafHash(), c.proof(), c.root());
  }

  private static void verify(ConsistencyClaim c) throws ProofException {
    ProofVerifier.verifyConsistency(c.size1(), c.size2(), c.proof(), c.root1(), c.root2());
  }

  private static List<Mutation<InclusionClaim>> mutations(Inclusion v) {
    Tree tree = tree(v.tree());
    Digest otherLeaf =
        tree.leafHashes().get((int) ((v.leafIndex() + 1) % tree.leafHashes().size()));
    return MerkleMutations.of(claim(v), otherLeaf, tree.roots());
  }

  private static List<Mutation<ConsistencyClaim>> mutations(Consistency v) {
    return MerkleMutations.of(claim(v), tree(v.tree()).roots());
  }

  @TestFactory
  Stream<DynamicTest> inclusionVectorsVerifyAndEveryMutationIsRefused() {
    return MerkleVectorFiles.inclusion().vectors().stream().map(v -> dynamicTest(v.desc(), () -> {
      assertThatCode(() -> verify(claim(v))).as("%s, unmutated", v.desc())
          .doesNotThrowAnyException();
      for (Mutation<InclusionClaim> mutation : mutations(v)) {
        String as = v.desc() + ", mutation \"" + mutation.name() + "\"";
        ThrowingCallable call = () -> verify(mutation.claim());
        if (mutation.provable()) {
          refused(as, call, mutation.claim());
        } else {
          assertThatCode(call).as("%s: the proof cannot show it, so it verifies", as)
              .doesNotThrowAnyException();
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectorsVerifyAndEveryMutationIsRefused() {
    return MerkleVectorFiles.consistency().vectors().stream().map(v -> dynamicTest(v.desc(), () -> {
      assertThatCode(() -> verify(claim(v))).as("%s, unmutated", v.desc())
          .doesNotThrowAnyException();
      for (Mutation<ConsistencyClaim> mutation : mutations(v)) {
        String as = v.desc() + ", mutation \"" + mutation.name() + "\"";
        ThrowingCallable call = () -> verify(mutation.claim());
        if (mutation.provable()) {
          refused(as, call, mutation.claim());
        } else {
          assertThatCode(call).as("%s: the proof cannot show it, so it verifies", as)
              .doesNotThrowAnyException();
        }
      }
    }));
  }

  /**
   * Only another size with the same root can be beyond what the proof shows, and it happens (so
   * the exemption is exercised): leaf 0 of 3 verifies as leaf 0 of 4 with the root of 3.
   */
  @Test
  void onlySizeMovesAreEverIndistinguishable() throws ProofException {
    List<String> exempt = new ArrayList<>();
    int all = 0;
    for (Inclusion v : MerkleVectorFiles.inclusion().vectors()) {
      for (Mutation<InclusionClaim> mutation : mutations(v)) {
        all++;
        if (!mutation.provable()) {
          exempt.add(mutation.name());
        }
      }
    }
    for (Consistency v : MerkleVectorFiles.consistency().vectors()) {
      for (Mutation<ConsistencyClaim> mutation : mutations(v)) {
        all++;
        if (!mutation.provable()) {
          exempt.add(mutation.name());
        }
      }
    }
    assertThat(exempt).as("exempt of %d mutations", all).isNotEmpty()
        .allMatch(name -> name.startsWith("wrong size") && name.contains(" keeping the root"));

    Inclusion zeroOfThree = MerkleVectorFiles.inclusion().vectors().stream()
        .filter(v -> v.desc().equals("rfc6962: leaf 0 of 3")).findFirst().orElseThrow();
    ProofVerifier.verifyInclusion(
        0, 4, zeroOfThree.leafHash(), zeroOfThree.proof(), zeroOfThree.root());
  }

  // ---- what a refusal must say ----

  private static AbstractThrowableAssert<?, ? extends Throwable> refusal(
      String as, ThrowingCallable call) {
    return assertThat(catchThrowable(call)).as("%s: must be refused", as)
        .isInstanceOf(ProofException.class);
  }

  private static void refused(String as, ThrowingCallable call, InclusionClaim c) {
    long i = c.index();
    long n = c.size();
    if (i < 0 || i >= n) {
      refusal(as, call).hasMessage(
          "leaf index %d is not in a tree of size %d: want 0 <= index < size", i, n);
      return;
    }
    int want = MerkleReference.pathShape((int) i, (int) n).length();
    if (c.proof().size() != want) {
      refusal(as, call).hasMessage(
          "wrong inclusion proof length for leaf %d in tree size %d: got %d hashes, want %d",
          i, n, c.proof().size(), want);
    } else {
      refusal(as, call)
          .hasMessageMatching("root mismatch: got " + HEX + ", want " + c.root().hex())
          .hasMessageNotContaining("got " + c.root().hex());
    }
  }

  private static void refused(String as, ThrowingCallable call, ConsistencyClaim c) {
    long m = c.size1();
    long n = c.size2();
    if (m < 1) {
      refusal(as, call).hasMessage(
          "consistency from size %d is not defined: want size1 >= 1", m);
      return;
    }
    if (m > n) {
      refusal(as, call).hasMessage(
          "consistency from size %d to the smaller size %d: want size1 <= size2", m, n);
      return;
    }
    String shape = MerkleReference.proofShape((int) m, (int) n);
    // 'K': the fold starts from root1, which is not sent.
    int want = shape.length() - (shape.startsWith("K") ? 1 : 0);
    if (c.proof().size() != want) {
      refusal(as, call).hasMessage(
          "wrong consistency proof length from size %d to size %d: got %d hashes, want %d",
          m, n, c.proof().size(), want);
    } else {
      refusal(as, call)
          .hasMessageMatching(
              "root mismatch at size " + m + ": got " + HEX + ", want " + c.root1().hex()
                  + "|root mismatch at size " + n + ": got " + HEX + ", want " + c.root2().hex())
          .hasMessageNotContaining("got " + c.root1().hex() + ", want " + c.root1().hex())
          .hasMessageNotContaining("got " + c.root2().hex() + ", want " + c.root2().hex());
    }
  }
}
