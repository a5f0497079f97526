package io.accessledger.auth;

import io.accessledger.ledger.merkle.Digest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens: how they are made, recognised and hashed for storage.
 *
 * <p><b>Format.</b> {@code alt_} followed by the unpadded base64url (RFC 4648 section 5) of 32
 * bytes from {@link SecureRandom}: 47 characters, 256 bits of entropy. The prefix lets secret
 * scanners and people recognise a leaked access-ledger token.
 *
 * <p><b>Storage.</b> Only {@link #hash SHA-256} of the token's UTF-8 bytes is stored. A fast,
 * unsalted hash is the right choice here, unlike for passwords: slow, salted hashes (bcrypt,
 * Argon2) exist to make guessing low-entropy secrets expensive, but guessing a 256-bit random token
 * is infeasible at any hash speed, and a preimage of SHA-256 cannot be found from a stolen
 * database. An unsalted hash also lets the token be found by an indexed lookup on its hash, where a
 * salted slow hash would cost every request a scan and tens of milliseconds.
 */
public final class BearerTokens {
  /** The prefix of every token. */
  public static final String PREFIX = "alt_";
  /** The length of every token, prefix included. */
  public static final int LENGTH = PREFIX.length() + 43;

  private static final int RANDOM_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private BearerTokens() {}

  /** A new token with 256 random bits. */
  public static String generate() {
    byte[] random = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(random);
    return PREFIX + BASE64URL.encodeToString(random);
  }

  /**
   * True when {@code token} has the shape of a token: the prefix, the length and only base64url
   * characters. Checks shape only (the shape is public, so its timing reveals nothing); whether the
   * token was ever issued is for the store to say.
   */
  public static boolean isWellFormed(String token) {
    if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < LENGTH; i++) {
      char c = token.charAt(i);
      boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!base64url) {
        return false;
      }
    }
    return true;
  }

  /** SHA-256 of the token's UTF-8 bytes: the only form in which a token is stored. */
  public static Digest hash(String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return Digest.of(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
