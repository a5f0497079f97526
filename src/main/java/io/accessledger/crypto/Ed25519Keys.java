package io.accessledger.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/** Ed25519 (RFC 8032, pure, no context) key sizes and key generation. */
public final class Ed25519Keys {
  /** Length of a private key seed in bytes. */
  public static final int SEED_LENGTH = 32;

  /** Length of an encoded public key in bytes. */
  public static final int PUBLIC_KEY_LENGTH = 32;

  /** Length of a signature in bytes. */
  public static final int SIGNATURE_LENGTH = 64;

  private Ed25519Keys() {}

  /**
   * A fresh 32-byte private key seed drawn from {@code random}. The caller owns the array and
   * should overwrite it with zeros once it has built an {@code Ed25519Signer}.
   */
  public static byte[] generateSeed(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    return seed;
  }
}
