package io.accessledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519SignerTest {
  private static final HexFormat HEX = HexFormat.of();

  // RFC 8032 section 7.1, TEST 1 (empty message).
  private static final byte[] RFC8032_SEED =
      HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final String RFC8032_PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  private static final String RFC8032_SIGNATURE =
      "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
          + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  @Test
  void matchesRfc8032Test1() throws SignatureException {
    Ed25519Signer signer = new Ed25519Signer(RFC8032_SEED);

    assertThat(HEX.formatHex(signer.publicKey())).isEqualTo(RFC8032_PUBLIC);
    byte[] signature = signer.sign(new byte[0]);
    assertThat(HEX.formatHex(signature)).isEqualTo(RFC8032_SIGNATURE);
    new Ed25519Verifier(HEX.parseHex(RFC8032_PUBLIC)).verify(new byte[0], signature);
  }

  @Test
  void signaturesAreDeterministicAndVerify() throws SignatureException {
    Ed25519Signer signer = new Ed25519Signer(Ed25519Keys.generateSeed(new SecureRandom()));
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);

    assertThat(signer.sign(message)).hasSize(64).isEqualTo(signer.sign(message));
    signer.verifier().verify(message, signer.sign(message));
  }

  @Test
  void refusesSeedsOfTheWrongLength() {
    assertThatThrownBy(() -> new Ed25519Signer(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Ed25519 seed must be 32 bytes, got 31");
    assertThatThrownBy(() -> new Ed25519Signer(new byte[33]))
        .hasMessage("Ed25519 seed must be 32 bytes, got 33");
    assertThatThrownBy(() -> new Ed25519Signer(null))
        .hasMessage("Ed25519 seed must be 32 bytes, got null");
  }

  @Test
  void copiesTheSeedInAndThePublicKeyOut() {
    byte[] seed = RFC8032_SEED.clone();
    Ed25519Signer signer = new Ed25519Signer(seed);
    seed[0] ^= 1;
    signer.publicKey()[0] ^= 1;

    assertThat(HEX.formatHex(signer.publicKey())).isEqualTo(RFC8032_PUBLIC);
    assertThat(HEX.formatHex(signer.sign(new byte[0]))).isEqualTo(RFC8032_SIGNATURE);
  }

  @Test
  void toStringShowsThePublicKeyAndNeverTheSeed() {
    String text = new Ed25519Signer(RFC8032_SEED).toString();

    assertThat(text).contains(RFC8032_PUBLIC);
    assertThat(text.toLowerCase()).doesNotContain(HEX.formatHex(RFC8032_SEED).substring(0, 8));
    assertThat(text).doesNotContain(java.util.Base64.getEncoder().encodeToString(RFC8032_SEED)
        .substring(0, 8));
  }

  @Test
  void generatesDistinctSeeds() {
    SecureRandom random = new SecureRandom();
    byte[] a = Ed25519Keys.generateSeed(random);
    byte[] b = Ed25519Keys.generateSeed(random);

    assertThat(a).hasSize(32);
    assertThat(a).isNotEqualTo(b);
  }
}
