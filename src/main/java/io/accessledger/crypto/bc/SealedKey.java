package io.accessledger.crypto.bc;

import io.accessledger.crypto.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The sealed signing key format: the 32-byte Ed25519 seed encrypted with AES-256-GCM under a key
 * that Argon2id derives from a passphrase. The file is seven ASCII lines, each ending in
 * {@code \n}:
 *
 * <pre>
 * access-ledger-sealed-key: v1
 * key: ed25519-seed
 * kdf: argon2id v=19 m=65536 t=3 p=1
 * salt: &lt;base64 of 16 random bytes&gt;
 * aead: aes-256-gcm
 * nonce: &lt;base64 of 12 random bytes&gt;
 * ciphertext: &lt;base64 of the 32 encrypted seed bytes and the 16-byte tag&gt;
 * </pre>
 *
 * <p>Base64 is RFC 4648 section 4, padded. {@code m} is Argon2's memory in KiB, {@code t} its
 * passes, {@code p} its lanes, {@code v=19} its version 0x13; the derived key is 32 bytes, with no
 * secret and no associated data. The GCM associated data is the file's first six lines exactly as
 * stored (up to and including the newline after the nonce), so that no byte of the header can
 * change without the file failing to open. Anything else, including another version, is refused.
 *
 * <p>A wrong passphrase and an altered file cannot be told apart (GCM only says the tag does not
 * match); both are refused with the same message, which never holds key or passphrase material.
 */
final class SealedKey {
  static final String MAGIC = "access-ledger-sealed-key: ";
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int CIPHERTEXT_BYTES = Ed25519Keys.SEED_LENGTH + TAG_BITS / 8;
  private static final Pattern FORMAT = Pattern.compile(
      "access-ledger-sealed-key: v1\n"
          + "key: ed25519-seed\n"
          + "kdf: argon2id v=19 m=([1-9][0-9]{0,8}) t=([1-9][0-9]?) p=([1-9][0-9]?)\n"
          + "salt: ([A-Za-z0-9+/]{22}==)\n"
          + "aead: aes-256-gcm\n"
          + "nonce: ([A-Za-z0-9+/]{16})\n"
          + "(ciphertext: )([A-Za-z0-9+/]{64})\n");
  private static final SecureRandom RANDOM = new SecureRandom();

  private SealedKey() {}

  /** True when {@code content} claims to be a sealed key file (any version). */
  static boolean looksSealed(byte[] content) {
    byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
    return content.length >= magic.length
        && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }

  /** The sealed file's bytes for {@code seed}, under {@code passphrase}. */
  static byte[] seal(byte[] seed, byte[] passphrase, SealingParameters parameters) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(nonce);
    String header = "access-ledger-sealed-key: v1\n"
        + "key: ed25519-seed\n"
        + "kdf: argon2id v=19 m=" + parameters.memoryKiB() + " t=" + parameters.passes()
        + " p=" + parameters.lanes() + "\n"
        + "salt: " + Base64.getEncoder().encodeToString(salt) + "\n"
        + "aead: aes-256-gcm\n"
        + "nonce: " + Base64.getEncoder().encodeToString(nonce) + "\n";
    byte[] aad = header.getBytes(StandardCharsets.US_ASCII);
    byte[] key = parameters.deriveKey(passphrase, salt);
    try {
      byte[] ciphertext = gcm(true, key, nonce, aad, seed);
      String sealed =
          header + "ciphertext: " + Base64.getEncoder().encodeToString(ciphertext) + "\n";
      return sealed.getBytes(StandardCharsets.US_ASCII);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AES-GCM failed to encrypt", e); // cannot happen
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * The seed sealed in {@code content}; the caller MUST wipe it.
   *
   * @param file named in messages only
   * @throws KeyFileException if the content is not this format, or the passphrase does not open it
   */
  static byte[] open(byte[] content, byte[] passphrase, Path file, Path passphraseFile) {
    Matcher matcher = FORMAT.matcher(new String(content, StandardCharsets.US_ASCII));
    if (!matcher.matches()) {
      throw new KeyFileException("signing key file " + file + " is sealed but malformed: expected"
          + " the seven lines of an access-ledger-sealed-key v1 file. It was not changed; restore"
          + " it from backup");
    }
    SealingParameters parameters;
    try {
      parameters = new SealingParameters(Integer.parseInt(matcher.group(1)),
          Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
    } catch (IllegalArgumentException e) {
      throw new KeyFileException("signing key file " + file + " asks for Argon2 parameters this"
          + " version refuses (" + e.getMessage() + "); it was not changed");
    }
    byte[] salt = Base64.getDecoder().decode(matcher.group(4));
    byte[] nonce = Base64.getDecoder().decode(matcher.group(5));
    byte[] ciphertext = Base64.getDecoder().decode(matcher.group(7));
    byte[] aad = Arrays.copyOf(content, matcher.start(6));
    if (ciphertext.length != CIPHERTEXT_BYTES) {
      throw new KeyFileException("signing key file " + file + " is sealed but malformed");
    }
    byte[] key = parameters.deriveKey(passphrase, salt);
    try {
      return gcm(false, key, nonce, aad, ciphertext);
    } catch (InvalidCipherTextException e) {
      throw new KeyFileException("the passphrase does not open " + file + ": the passphrase in "
          + passphraseFile + " (" + KeyPassphrase.VARIABLE + ") is not the one it was sealed"
          + " with, or the file was altered. Nothing was changed");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
      throws InvalidCipherTextException {
    GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
    cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
    byte[] output = new byte[cipher.getOutputSize(input.length)];
    int written = cipher.processBytes(input, 0, input.length, output, 0);
    try {
      cipher.doFinal(output, written);
    } catch (InvalidCipherTextException e) {
      Arrays.fill(output, (byte) 0);
      throw e;
    }
    return output;
  }
}
