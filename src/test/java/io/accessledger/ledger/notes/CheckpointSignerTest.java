package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.merkle.TreeHasher;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {
  private final Ed25519Signer key = CheckpointTestVectors.signer();
  private final CheckpointSigner signer =
      new CheckpointSigner(CheckpointTestVectors.ORIGIN, key, key.publicKey());

  @Test
  void signsTheGoldenCheckpointByteForByte() {
    String note =
        signer.sign(
            new Checkpoint(
                CheckpointTestVectors.ORIGIN, CheckpointTestVectors.SIZE,
                CheckpointTestVectors.ROOT));

    assertThat(note).isEqualTo(CheckpointTestVectors.NOTE);
  }

  @Test
  void publishesTheGoldenVerifierKey() {
    assertThat(signer.verifierKey().toString()).isEqualTo(CheckpointTestVectors.VERIFIER_KEY);
    assertThat(signer.verifierKey().keyIdHex()).isEqualTo("e4fe6db6");
    assertThat(signer.origin()).isEqualTo(CheckpointTestVectors.ORIGIN);
  }

  @Test
  void signedNotesOpenWithItsOwnVerifierKey() throws CheckpointException {
    Checkpoint checkpoint = new Checkpoint(CheckpointTestVectors.ORIGIN, 0, TreeHasher.emptyRoot());

    assertThat(SignedCheckpoint.open(signer.sign(checkpoint), signer.verifierKey()))
        .isEqualTo(checkpoint);
  }

  @Test
  void refusesToSignACheckpointOfAnotherOrigin() {
    Checkpoint other = new Checkpoint("other.example/log", 1, CheckpointTestVectors.ROOT);

    assertThatThrownBy(() -> signer.sign(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "refusing to sign a checkpoint for origin 'other.example/log'"
                + " with the key of 'example.org/audit-log'");
  }

  @Test
  void refusesAPublicKeyThatIsNotTheSigners() {
    byte[] otherPublicKey = CheckpointTestVectors.otherSigner().publicKey();

    assertThatThrownBy(
            () -> new CheckpointSigner(CheckpointTestVectors.ORIGIN, key, otherPublicKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the public key given is not the signer's public key");
  }

  @Test
  void refusesOriginsThatCannotBeKeyNames() {
    byte[] publicKey = key.publicKey();
    assertThatThrownBy(() -> new CheckpointSigner("log with spaces", key, publicKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key name contains a space character U+0020");
    assertThatThrownBy(() -> new CheckpointSigner("a+b", key, publicKey))
        .hasMessage("key name contains '+'");
    assertThatThrownBy(() -> new CheckpointSigner("", key, publicKey))
        .hasMessage("key name is empty");
    assertThatThrownBy(() -> new CheckpointSigner("a\u00a0b", key, publicKey))
        .hasMessage("key name contains a space character U+00A0");
  }

  @Test
  void refusesAPublicKeyOfTheWrongLength() {
    assertThatThrownBy(() -> new CheckpointSigner("a", key, new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ed25519 public key must be 32 bytes, got 31");
  }

  @Test
  void toStringShowsTheVerifierKeyOnly() {
    assertThat(signer.toString())
        .isEqualTo("CheckpointSigner[" + CheckpointTestVectors.VERIFIER_KEY + "]");
  }
}
