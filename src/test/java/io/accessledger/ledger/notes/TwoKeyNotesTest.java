package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.support.TestLedger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint signed by two keys of the log while it rotates ({@link
 * CheckpointSigner#addSignature}), read with key sets ({@link VerifierKeys}): each key verifies
 * its own line, a line from a key the verifier does not know is ignored, a line that names a
 * known key MUST verify.
 */
class TwoKeyNotesTest {
  static final CheckpointSigner OLD = TestLedger.signer(0x31);
  static final CheckpointSigner NEW = TestLedger.signer(0x32);
  static final CheckpointSigner STRANGER = TestLedger.signer(0x33);
  static final Checkpoint CHECKPOINT =
      new Checkpoint(TestLedger.ORIGIN, 0, TreeHasher.emptyRoot());

  @Test
  void bothKeysVerifyANoteSignedByBoth() throws Exception {
    String note = OLD.addSignature(NEW.sign(CHECKPOINT));
    assertThat(note).startsWith(NEW.sign(CHECKPOINT));
    assertThat(SignedCheckpoint.keyIdsNamed(note, TestLedger.ORIGIN))
        .containsExactly(NEW.verifierKey().keyId(), OLD.verifierKey().keyId());
    assertThat(SignedCheckpoint.open(note, OLD.verifierKey())).isEqualTo(CHECKPOINT);
    assertThat(SignedCheckpoint.open(note, NEW.verifierKey())).isEqualTo(CHECKPOINT);
    assertThat(SignedCheckpoint.open(note, VerifierKeys.of(STRANGER.verifierKey(),
        OLD.verifierKey()))).isEqualTo(CHECKPOINT);
    assertThatThrownBy(() -> SignedCheckpoint.open(note, STRANGER.verifierKey()))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void aLineOfAKnownKeyMustVerifyAndOneOfAnUnknownKeyIsIgnored() throws Exception {
    String note = OLD.addSignature(NEW.sign(CHECKPOINT));
    String last = note.lines().reduce((a, b) -> b).orElseThrow();
    // Flip one character of the old key's signature, keeping it base64.
    int at = last.length() - 3;
    char flipped = last.charAt(at) == 'A' ? 'B' : 'A';
    String broken = note.replace(last, last.substring(0, at) + flipped + last.substring(at + 1));
    assertThat(SignedCheckpoint.open(broken, NEW.verifierKey())).isEqualTo(CHECKPOINT);
    assertThatThrownBy(() -> SignedCheckpoint.open(broken, OLD.verifierKey()))
        .isInstanceOf(CheckpointException.class);
    assertThatThrownBy(() -> SignedCheckpoint.open(broken,
        VerifierKeys.of(NEW.verifierKey(), OLD.verifierKey())))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void addSignatureRefusesASecondLineOfTheSameKeyAndAnotherLogsNote() throws Exception {
    String note = NEW.sign(CHECKPOINT);
    assertThatThrownBy(() -> NEW.addSignature(note))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already carries a signature from " + NEW.verifierKey().label());
    CheckpointSigner other = new CheckpointSigner("other.example/log", TestLedger.key(0x34),
        TestLedger.key(0x34).publicKey());
    String othersNote = other.sign(new Checkpoint("other.example/log", 0, TreeHasher.emptyRoot()));
    assertThatThrownBy(() -> OLD.addSignature(othersNote))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a checkpoint of");
    assertThatThrownBy(() -> OLD.addSignature("not a note"))
        .isInstanceOf(CheckpointException.class);
  }

  @Test
  void keySetsKeepTheirOrderAndCountAKeyOnce() {
    VerifierKeys keys = VerifierKeys.of(OLD.verifierKey(), NEW.verifierKey(), OLD.verifierKey());
    assertThat(keys.keys()).containsExactly(OLD.verifierKey(), NEW.verifierKey());
    assertThat(keys.with(NEW.verifierKey())).isSameAs(keys);
    assertThat(keys.with(STRANGER.verifierKey()).keys())
        .containsExactly(OLD.verifierKey(), NEW.verifierKey(), STRANGER.verifierKey());
    assertThat(keys.contains(STRANGER.verifierKey())).isFalse();
    assertThatThrownBy(() -> VerifierKeys.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one key");
  }
}
