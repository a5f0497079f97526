package io.accessledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** The sealed format, checked against RFC 9106 and against an independent decryption. */
class SealedKeyTest {
  static final SealingParameters FAST = new SealingParameters(64, 1, 1);
  private static final Path FILE = Path.of("/data/signing.key");
  private static final Path PASSPHRASE_FILE = Path.of("/run/credentials/passphrase");
  private static final byte[] PASSPHRASE =
      "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

  /** RFC 9106 section 5.3, the Argon2id test vector, through the derivation sealing uses. */
  @Test
  void theDerivationIsArgon2idVersion13AsRfc9106Specifies() {
    byte[] tag = new SealingParameters(32, 3, 4).argon2id(
        filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04), 32);

    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void theDefaultCostIs64MiBThreePassesOneLane() {
    assertThat(SealingParameters.DEFAULT).isEqualTo(new SealingParameters(65536, 3, 1));
  }

  /**
   * Decrypts a sealed file as its documentation says, with the JCE's AES-GCM and Bouncy Castle's
   * Argon2id called directly: the format is what it claims, whatever SealedKey does inside.
   */
  @Test
  void aSealedFileOpensAsDocumentedWithAnIndependentDecryption() throws Exception {
    byte[] seed = filled(32, 0x2a);
    String sealed = new String(SealedKey.seal(seed, PASSPHRASE, FAST), StandardCharsets.US_ASCII);

    Matcher lines = Pattern.compile("access-ledger-sealed-key: v1\nkey: ed25519-seed\n"
        + "kdf: argon2id v=19 m=64 t=1 p=1\nsalt: (\\S+)\naead: aes-256-gcm\nnonce: (\\S+)\n"
        + "ciphertext: (\\S+)\n").matcher(sealed);
    assertThat(lines.matches()).as(sealed).isTrue();
    byte[] salt = Base64.getDecoder().decode(lines.group(1));
    byte[] key = new byte[32];
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(64).withIterations(1).withParallelism(1).withSalt(salt).build());
    argon2.generateBytes(PASSPHRASE, key);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
        new GCMParameterSpec(128, Base64.getDecoder().decode(lines.group(2))));
    gcm.updateAAD(sealed.substring(0, sealed.indexOf("ciphertext: "))
        .getBytes(StandardCharsets.US_ASCII));

    assertThat(gcm.doFinal(Base64.getDecoder().decode(lines.group(3)))).isEqualTo(seed);
    assertThat(SealedKey.open(sealed.getBytes(StandardCharsets.US_ASCII), PASSPHRASE, FILE,
        PASSPHRASE_FILE)).isEqualTo(seed);
  }

  @Test
  void aWrongPassphraseIsRefusedNamingTheFileAndNothingSecret() {
    byte[] sealed = SealedKey.seal(filled(32, 0x2a), PASSPHRASE, FAST);

    assertThatThrownBy(() -> SealedKey.open(sealed, "wrong".getBytes(StandardCharsets.UTF_8),
        FILE, PASSPHRASE_FILE))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith("the passphrase does not open " + FILE)
        .hasMessageContaining(KeyPassphrase.VARIABLE)
        .hasMessageNotContaining("wrong")
        .hasMessageNotContaining("correct horse");
  }

  /** Every byte counts: the header is the GCM associated data, the rest the ciphertext. */
  @Test
  void changingAnyByteOfTheHeaderOrTheCiphertextIsRefused() {
    byte[] sealed = SealedKey.seal(filled(32, 0x2a), PASSPHRASE, FAST);
    String text = new String(sealed, StandardCharsets.US_ASCII);
    int salt = text.indexOf("salt: ") + 8;
    int nonce = text.indexOf("nonce: ") + 9;
    int ciphertext = text.indexOf("ciphertext: ") + 14;
    for (int at : new int[] {salt, nonce, ciphertext, sealed.length - 3}) {
      byte[] tampered = sealed.clone();
      tampered[at] = (byte) (tampered[at] == 'A' ? 'B' : 'A');
      assertThatThrownBy(() -> SealedKey.open(tampered, PASSPHRASE, FILE, PASSPHRASE_FILE))
          .as("byte %d changed", at)
          .isInstanceOf(KeyFileException.class)
          .hasMessageStartingWith("the passphrase does not open " + FILE);
    }
  }

  /** A header that a reader would parse differently (cheaper Argon2) is refused, not obeyed. */
  @Test
  void aChangedCostInTheHeaderIsRefused() {
    String text = new String(SealedKey.seal(filled(32, 0x2a), PASSPHRASE,
        new SealingParameters(128, 1, 1)), StandardCharsets.US_ASCII);
    byte[] cheaper = text.replace(" m=128 ", " m=64 ").getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> SealedKey.open(cheaper, PASSPHRASE, FILE, PASSPHRASE_FILE))
        .hasMessageStartingWith("the passphrase does not open " + FILE);
  }

  @Test
  void anotherVersionOrAnUnreasonableCostIsRefusedAsSuch() {
    String text = new String(SealedKey.seal(filled(32, 0x2a), PASSPHRASE, FAST),
        StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> SealedKey.open(text.replace(": v1", ": v2")
        .getBytes(StandardCharsets.US_ASCII), PASSPHRASE, FILE, PASSPHRASE_FILE))
        .hasMessageContaining("is sealed but malformed");
    assertThatThrownBy(() -> SealedKey.open(text.replace(" m=64 ", " m=999999999 ")
        .getBytes(StandardCharsets.US_ASCII), PASSPHRASE, FILE, PASSPHRASE_FILE))
        .hasMessageContaining("asks for Argon2 parameters this version refuses");
  }

  @Test
  void theSealedFileHoldsNeitherTheSeedNorThePassphrase() {
    byte[] seed = filled(32, 0x2a);
    String text = new String(SealedKey.seal(seed, PASSPHRASE, FAST), StandardCharsets.US_ASCII);

    assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(seed))
        .doesNotContain(new String(PASSPHRASE, StandardCharsets.UTF_8))
        .doesNotContain(new String(seed, StandardCharsets.ISO_8859_1));
  }

  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
