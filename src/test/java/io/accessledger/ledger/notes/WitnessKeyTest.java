package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WitnessKeyTest {
  private static final byte[] PUBLIC_KEY = CheckpointTestVectors.signer().publicKey();

  @Test
  void publishesTypeByte4AndAKeyIdOverIt() throws CheckpointException {
    WitnessKey key = WitnessKey.of("witness.example/w1", PUBLIC_KEY);
    String published = key.toString();

    String base64 = published.substring(published.indexOf('+', published.indexOf('+') + 1) + 1);

    assertThat(Base64.getDecoder().decode(base64)[0]).isEqualTo((byte) 0x04);
    assertThat(published).startsWith("witness.example/w1+" + key.keyIdHex() + "+");
    assertThat(WitnessKey.parse(published)).isEqualTo(key).hasSameHashCodeAs(key);
    // The type byte is in the key ID, so a log key of the same name and key has another ID.
    assertThat(key.keyId())
        .isNotEqualTo(VerifierKey.of("witness.example/w1", PUBLIC_KEY).keyId());
  }

  @Test
  void refusesALogsVerifierKeyByItsType() {
    assertThatThrownBy(() -> WitnessKey.parse(CheckpointTestVectors.VERIFIER_KEY))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("unsupported witness key type 0x01; only 0x04 (Ed25519 cosignature/v1) is"
            + " supported (0x01 is a log's key)");
  }

  @Test
  void aLogsVerifierKeyRefusesAWitnessKey() {
    String witness = WitnessKey.of("witness.example/w1", PUBLIC_KEY).toString();

    assertThatThrownBy(() -> VerifierKey.parse(witness))
        .hasMessageContaining("unsupported verifier key type 0x04");
  }

  @Test
  void refusesAWrongKeyIdAndBadShapes() {
    WitnessKey key = WitnessKey.of("witness.example/w1", PUBLIC_KEY);
    String published = key.toString();
    String wrongId = published.replace("+" + key.keyIdHex() + "+", "+00000000+");

    assertThatThrownBy(() -> WitnessKey.parse(wrongId))
        .hasMessage("witness key ID mismatch: got 00000000, want " + key.keyIdHex());
    assertThatThrownBy(() -> WitnessKey.parse("nameonly"))
        .hasMessageContaining("must have the form");
    assertThatThrownBy(() -> WitnessKey.parse(published.toUpperCase()))
        .isInstanceOf(CheckpointException.class);
    assertThatThrownBy(() -> WitnessKey.parse("w+" + key.keyIdHex() + "+BAAA"))
        .hasMessageContaining("must be 33 bytes");
    assertThatThrownBy(() -> WitnessKey.of("bad name", PUBLIC_KEY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publicKeyIsCopiedInAndOut() {
    byte[] publicKey = PUBLIC_KEY.clone();
    WitnessKey key = WitnessKey.of("witness.example/w1", publicKey);
    String before = key.toString();
    publicKey[0] ^= 1;
    key.publicKey()[0] ^= 1;

    assertThat(key.toString()).isEqualTo(before);
    assertThat(key.publicKey()).isEqualTo(PUBLIC_KEY);
  }
}
