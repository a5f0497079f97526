package io.accessledger.crypto.bc;

import io.accessledger.crypto.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * The plain signing key format: one ASCII line, {@code ed25519-seed:} and the standard, padded
 * base64 (RFC 4648 section 4) of the 32-byte RFC 8032 seed, then a newline (which a reader does
 * not require). Decoding accepts only that exact, canonical form.
 */
final class PlainKey {
  private static final byte[] PREFIX = "ed25519-seed:".getBytes(StandardCharsets.US_ASCII);
  private static final int BASE64_SEED_LENGTH = 44;

  private PlainKey() {}

  static byte[] encode(byte[] seed) {
    byte[] base64 = Base64.getEncoder().encode(seed);
    byte[] content = new byte[PREFIX.length + base64.length + 1];
    System.arraycopy(PREFIX, 0, content, 0, PREFIX.length);
    System.arraycopy(base64, 0, content, PREFIX.length, base64.length);
    content[content.length - 1] = '\n';
    Arrays.fill(base64, (byte) 0);
    return content;
  }

  /** The seed, or null if {@code content} is not exactly the documented format. */
  static byte[] decode(byte[] content) {
    int length = content.length;
    if (length > 0 && content[length - 1] == '\n') {
      length--;
    }
    if (length != PREFIX.length + BASE64_SEED_LENGTH
        || !Arrays.equals(content, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
      return null;
    }
    byte[] base64 = Arrays.copyOfRange(content, PREFIX.length, length);
    byte[] seed = null;
    byte[] canonical = null;
    try {
      seed = Base64.getDecoder().decode(base64);
      canonical = Base64.getEncoder().encode(seed);
      if (seed.length != Ed25519Keys.SEED_LENGTH || !MessageDigest.isEqual(canonical, base64)) {
        Arrays.fill(seed, (byte) 0);
        return null;
      }
      return seed;
    } catch (IllegalArgumentException e) {
      return null; // the decoder's message may quote a character of the seed: drop it
    } finally {
      Arrays.fill(base64, (byte) 0);
      if (canonical != null) {
        Arrays.fill(canonical, (byte) 0);
      }
    }
  }

}
