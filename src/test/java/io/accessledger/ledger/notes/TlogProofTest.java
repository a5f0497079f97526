package io.accessledger.ledger.notes;

import static io.accessledger.ledger.notes.CheckpointTestVectors.ORIGIN;
import static io.accessledger.ledger.notes.CheckpointTestVectors.otherSigner;
import static io.accessledger.ledger.notes.CheckpointTestVectors.signer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.MerkleTestSource;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * {@link TlogProof}: the exact text of c2sp.org/tlog-proof@v1, round trips over every index of small
 * trees, and every mutation a proof must be refused for, each with its own message.
 */
class TlogProofTest {
  private static final CheckpointSigner SIGNER =
      new CheckpointSigner(ORIGIN, signer(), signer().publicKey());
  private static final VerifierKey KEY = SIGNER.verifierKey();
  private static final int SIZE = 11;
  private static final int INDEX = 3;

  private static byte[] leaf(int i) {
    return ("{\"seq\":" + i + "}").getBytes(StandardCharsets.UTF_8);
  }

  private static MerkleTestSource tree(int size) {
    List<Digest> hashes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      hashes.add(TreeHasher.leafHash(leaf(i)));
    }
    return MerkleTestSource.of(hashes);
  }

  /** The proof of {@code index} in the tree of {@code size} leaves, signed by {@code signer}. */
  private static TlogProof proof(int index, int size, CheckpointSigner signer) {
    MerkleTestSource tree = tree(size);
    String note = signer.sign(new Checkpoint(ORIGIN, size, MerkleProofs.root(size, tree)));
    return TlogProof.of(index, MerkleProofs.inclusion(index, size, tree), note);
  }

  private static final TlogProof PROOF = proof(INDEX, SIZE, SIGNER);
  private static final String TEXT = PROOF.format();

  @Test
  void formatsExactlyAsTheSpecLaysItOut() throws Exception {
    // Tree of two leaves: the proof of leaf 0 is leaf 1's hash.
    MerkleTestSource tree = tree(2);
    Digest sibling = TreeHasher.leafHash(leaf(1));
    String note = SIGNER.sign(new Checkpoint(ORIGIN, 2, MerkleProofs.root(2, tree)));
    assertThat(TlogProof.of(0, List.of(sibling), note).format())
        .isEqualTo("c2sp.org/tlog-proof@v1\nindex 0\n" + sibling.base64() + "\n\n" + note);
    // The optional extra line comes second, before the index line.
    TlogProof withExtra = new TlogProof("YWJj", 0, List.of(sibling), note);
    assertThat(withExtra.format())
        .isEqualTo("c2sp.org/tlog-proof@v1\nextra YWJj\nindex 0\n" + sibling.base64() + "\n\n" + note);
    assertThat(TlogProof.parse(withExtra.format())).isEqualTo(withExtra);
    assertThat(withExtra.verify(leaf(0), KEY).size()).isEqualTo(2);
  }

  @Test
  void everyIndexOfEverySmallTreeRoundTripsAndVerifies() throws Exception {
    for (int size = 1; size <= 17; size++) {
      for (int index = 0; index < size; index++) {
        TlogProof proof = proof(index, size, SIGNER);
        TlogProof parsed = TlogProof.parse(proof.format());
        assertThat(parsed).isEqualTo(proof);
        assertThat(parsed.format()).isEqualTo(proof.format());
        Checkpoint checkpoint = parsed.verify(leaf(index), KEY);
        assertThat(checkpoint.size()).isEqualTo(size);
      }
    }
  }

  @Test
  void aTreeOfOneLeafHasNoHashLines() throws Exception {
    TlogProof proof = proof(0, 1, SIGNER);
    assertThat(proof.format()).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n\n" + ORIGIN + "\n1\n");
    assertThat(TlogProof.parse(proof.format()).verify(leaf(0), KEY).size()).isEqualTo(1);
  }

  @Test
  void extraDataIsKeptButNeverTrusted() throws Exception {
    String text = TEXT.replace("\nindex ", "\nextra " + Base64.getEncoder().encodeToString(
        "anything at all".getBytes(StandardCharsets.UTF_8)) + "\nindex ");
    TlogProof parsed = TlogProof.parse(text);
    assertThat(parsed.extra()).isEqualTo("YW55dGhpbmcgYXQgYWxs");
    assertThat(parsed.verify(leaf(INDEX), KEY)).isEqualTo(PROOF.verify(leaf(INDEX), KEY));
    assertThat(TlogProof.parse(text.replace("extra YW55dGhpbmcgYXQgYWxs", "extra ")).extra())
        .as("empty extra data is valid base64").isEmpty();
  }

  @Test
  void aFlippedBitInAHashIsARootMismatch() {
    List<Digest> hashes = new ArrayList<>(PROOF.proof());
    byte[] bytes = hashes.get(1).bytes();
    bytes[7] ^= 0x10;
    hashes.set(1, Digest.of(bytes));
    String text = TEXT.replace(PROOF.proof().get(1).base64(), hashes.get(1).base64());
    refusedOnVerify(text).hasMessageStartingWith(
        "inclusion proof for index 3 in the tree of size 11 does not verify: root mismatch: got ");
  }

  @Test
  void aMissingOrAnExtraHashLineIsTheWrongLength() {
    String missing = TEXT.replace(PROOF.proof().get(2).base64() + "\n", "");
    refusedOnVerify(missing).hasMessage("inclusion proof for index 3 in the tree of size 11 does not"
        + " verify: wrong inclusion proof length for leaf 3 in tree size 11: got 3 hashes, want 4");
    String added = TEXT.replace("\n\n" + ORIGIN, "\n" + Digest.ZERO.base64() + "\n\n" + ORIGIN);
    refusedOnVerify(added).hasMessageContaining("got 5 hashes, want 4");
  }

  @Test
  void aWrongIndexDoesNotVerify() {
    refusedOnVerify(TEXT.replace("index 3\n", "index 2\n"))
        .hasMessageStartingWith("inclusion proof for index 2 in the tree of size 11 does not verify:"
            + " root mismatch");
    refusedOnVerify(TEXT.replace("index 3\n", "index 11\n"))
        .hasMessageEndingWith("leaf index 11 is not in a tree of size 11: want 0 <= index < size");
  }

  @Test
  void anotherLeafDoesNotVerify() {
    assertThatThrownBy(() -> PROOF.verify(leaf(INDEX + 1), KEY))
        .isInstanceOf(TlogProofException.class)
        .hasMessageContaining("root mismatch");
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsRefused() {
    Ed25519Signer other = otherSigner();
    TlogProof forged = proof(INDEX, SIZE, new CheckpointSigner(ORIGIN, other, other.publicKey()));
    assertThatThrownBy(() -> TlogProof.parse(forged.format()).verify(leaf(INDEX), KEY))
        .isInstanceOf(TlogProofException.class)
        .hasMessageStartingWith("checkpoint refused: no signature from key " + ORIGIN + "+")
        .hasCauseInstanceOf(CheckpointException.class);
    // And the genuine proof checked against the wrong key.
    VerifierKey otherKey = VerifierKey.of(ORIGIN, other.publicKey());
    assertThatThrownBy(() -> PROOF.verify(leaf(INDEX), otherKey))
        .hasMessageStartingWith("checkpoint refused: no signature from key");
  }

  @Test
  void anAlteredCheckpointFailsItsSignature() {
    refusedOnVerify(TEXT.replace("\n" + SIZE + "\n", "\n" + (SIZE + 1) + "\n"))
        .hasMessageStartingWith("checkpoint refused: signature does not verify for key");
  }

  @Test
  void wrongHeadersAreRefused() {
    refusedOnParse(TEXT.replace("@v1", "@v2"))
        .hasMessage("line 1: wrong header: got 'c2sp.org/tlog-proof@v2', want 'c2sp.org/tlog-proof@v1'");
    refusedOnParse(TEXT.substring(TEXT.indexOf('\n') + 1))
        .hasMessage("line 1: wrong header: got 'index 3', want 'c2sp.org/tlog-proof@v1'");
    refusedOnParse(" " + TEXT).hasMessageStartingWith("line 1: wrong header");
    refusedOnParse("").hasMessage("line 1: proof ends before the header (truncated?)");
  }

  @Test
  void malformedIndexLinesAreRefused() {
    refusedOnParse(TEXT.replace("index 3\n", "index 03\n"))
        .hasMessage("line 2: index must be decimal digits with no sign or leading zero, got '03'");
    refusedOnParse(TEXT.replace("index 3\n", "index -3\n")).hasMessageContaining("got '-3'");
    refusedOnParse(TEXT.replace("index 3\n", "index 3 \n")).hasMessageContaining("got '3 '");
    refusedOnParse(TEXT.replace("index 3\n", "index 99999999999999999999\n"))
        .hasMessage("line 2: index is out of range: '99999999999999999999'");
    refusedOnParse(TEXT.replace("index 3\n", ""))
        .hasMessageStartingWith("line 2: want 'index <decimal>' or 'extra <base64>', got '");
    // The spec's order: extra comes before index, never after.
    refusedOnParse(TEXT.replace("index 3\n", "index 3\nextra YWJj\n"))
        .hasMessage("line 3: proof hash 1 is not canonical base64: 'extra YWJj'");
  }

  @Test
  void malformedExtraAndHashLinesAreRefused() {
    refusedOnParse(TEXT.replace("\nindex ", "\nextra YWJ\nindex "))
        .hasMessage("line 2: extra data is not canonical base64");
    String hash = PROOF.proof().get(0).base64();
    refusedOnParse(TEXT.replace(hash, hash.substring(0, hash.length() - 1)))
        .hasMessageStartingWith("line 3: proof hash 1 is not canonical base64");
    refusedOnParse(TEXT.replace(hash, Base64.getEncoder().encodeToString(new byte[31])))
        .hasMessage("line 3: proof hash 1 is 31 bytes, want 32");
    refusedOnParse(TEXT.replace(hash, PROOF.proof().get(0).hex()))
        .hasMessageStartingWith("line 3: proof hash 1 is ");
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      many.append(Digest.ZERO.base64()).append('\n');
    }
    refusedOnParse(TEXT.replace(hash + "\n", many))
        .hasMessage("line 66: more than 63 proof hashes; no tree needs that many");
  }

  @Test
  void truncatedProofsAreRefused() {
    refusedOnParse(TEXT.substring(0, TEXT.indexOf("\n\n") + 1))
        .hasMessage("line 7: proof ends before the blank line before the checkpoint (truncated?)");
    refusedOnParse(TEXT.substring(0, TEXT.indexOf("\n\n") + 2))
        .hasMessage("proof ends after its blank line: no checkpoint (truncated?)");
    refusedOnParse(TEXT.substring(0, TEXT.length() - 5))
        .hasMessage("checkpoint: note does not end with a newline (truncated?)");
    String withoutSignature = TEXT.substring(0, TEXT.lastIndexOf("\u2014"));
    refusedOnParse(withoutSignature)
        .hasMessage("checkpoint: note has no signature lines after its blank line");
    String withoutBlank = TEXT.substring(0, TEXT.indexOf("\n\n") + 1)
        + PROOF.checkpoint().substring(0, PROOF.checkpoint().indexOf("\n\n") + 1);
    refusedOnParse(withoutBlank)
        .hasMessage("line 7: proof hash 5 is not canonical base64: '" + ORIGIN + "'");
  }

  @Test
  void carriageReturnsAndControlCharactersAreRefused() {
    refusedOnParse(TEXT.replace("\n", "\r\n"))
        .hasMessage("proof contains a carriage return at offset 22; lines must end with a newline"
            + " alone (was it converted to CRLF?)");
    refusedOnParse(TEXT.replace("index 3", "index\t3"))
        .hasMessageStartingWith("proof contains control character U+0009");
  }

  @Test
  void theConstructorRefusesWhatCouldNotBeFormatted() {
    assertThatThrownBy(() -> TlogProof.of(-1, List.of(), PROOF.checkpoint()))
        .hasMessage("index must be >= 0, got -1");
    assertThatThrownBy(() -> new TlogProof("YW=", 0, List.of(), PROOF.checkpoint()))
        .hasMessage("extra must be canonical base64");
    assertThatThrownBy(() -> TlogProof.of(0, List.of(), "not a note\n"))
        .hasMessageStartingWith("checkpoint is not a signed note: ");
    List<Digest> tooMany = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      tooMany.add(Digest.ZERO);
    }
    assertThatThrownBy(() -> TlogProof.of(0, tooMany, PROOF.checkpoint()))
        .hasMessage("an inclusion proof has at most 63 hashes, got 64");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> refusedOnParse(String text) {
    return assertThatThrownBy(() -> TlogProof.parse(text)).isInstanceOf(TlogProofException.class);
  }

  /** Parses (which must succeed: the damage is not syntactic) and verifies (which must fail). */
  private static AbstractThrowableAssert<?, ? extends Throwable> refusedOnVerify(String text) {
    return assertThatThrownBy(() -> TlogProof.parse(text).verify(leaf(INDEX), KEY))
        .isInstanceOf(TlogProofException.class);
  }
}
