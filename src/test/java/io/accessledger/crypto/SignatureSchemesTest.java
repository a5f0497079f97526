package io.accessledger.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.Ed25519Signer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The core's way to a verifier finds the one implementation on the class path and keeps its rules. */
class SignatureSchemesTest {
  private static final byte[] MESSAGE = "checkpoint body\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void aVerifierFromTheSchemeAcceptsTheKeysSignatureAndNoOther() throws Exception {
    Ed25519Signer signer = new Ed25519Signer(Ed25519Keys.generateSeed(new SecureRandom()));
    Verifier verifier = SignatureSchemes.ed25519(signer.publicKey());
    byte[] signature = signer.sign(MESSAGE);

    assertThatCode(() -> verifier.verify(MESSAGE, signature)).doesNotThrowAnyException();
    byte[] flipped = signature.clone();
    flipped[10] ^= 1;
    assertThatThrownBy(() -> verifier.verify(MESSAGE, flipped))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void aKeyThatIsNotAnEd25519KeyIsRefused() {
    assertThatThrownBy(() -> SignatureSchemes.ed25519(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
