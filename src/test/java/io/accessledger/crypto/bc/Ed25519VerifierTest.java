package io.accessledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.SignatureException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519VerifierTest {
  private static final byte[] SEED = new byte[32];
  private static final byte[] MESSAGE = "checkpoint".getBytes(StandardCharsets.UTF_8);

  private final Ed25519Signer signer = new Ed25519Signer(SEED);
  private final Ed25519Verifier verifier = new Ed25519Verifier(signer.publicKey());

  @Test
  void acceptsAValidSignature() {
    assertThatCode(() -> verifier.verify(MESSAGE, signer.sign(MESSAGE))).doesNotThrowAnyException();
  }

  @Test
  void refusesAFlippedBitInTheSignature() {
    byte[] signature = signer.sign(MESSAGE);
    signature[10] ^= 0x01;

    assertThatThrownBy(() -> verifier.verify(MESSAGE, signature))
        .isInstanceOf(SignatureException.class)
        .hasMessage("Ed25519 signature does not verify");
  }

  @Test
  void refusesAnAlteredMessage() {
    byte[] signature = signer.sign(MESSAGE);
    byte[] altered = Arrays.copyOf(MESSAGE, MESSAGE.length);
    altered[0] ^= 0x20;

    assertThatThrownBy(() -> verifier.verify(altered, signature))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void refusesASignatureFromAnotherKey() {
    byte[] otherSeed = new byte[32];
    otherSeed[0] = 1;
    byte[] signature = new Ed25519Signer(otherSeed).sign(MESSAGE);

    assertThatThrownBy(() -> verifier.verify(MESSAGE, signature))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void refusesSignaturesOfTheWrongLength() {
    byte[] signature = signer.sign(MESSAGE);

    assertThatThrownBy(() -> verifier.verify(MESSAGE, Arrays.copyOf(signature, 63)))
        .isInstanceOf(SignatureException.class)
        .hasMessage("Ed25519 signature must be 64 bytes, got 63");
    assertThatThrownBy(() -> verifier.verify(MESSAGE, Arrays.copyOf(signature, 65)))
        .hasMessage("Ed25519 signature must be 64 bytes, got 65");
    assertThatThrownBy(() -> verifier.verify(MESSAGE, null))
        .hasMessage("Ed25519 signature must be 64 bytes, got null");
  }

  @Test
  void refusesPublicKeysOfTheWrongLengthOrNotOnTheCurve() {
    assertThatThrownBy(() -> new Ed25519Verifier(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ed25519 public key must be 32 bytes, got 31");
    // y = 2 has no matching x on edwards25519.
    byte[] notAPoint =
        HexFormat.of().parseHex("0200000000000000000000000000000000000000000000000000000000000000");
    assertThatThrownBy(() -> new Ed25519Verifier(notAPoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid Ed25519 public key");
  }
}
