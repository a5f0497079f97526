package io.accessledger.crypto.bc;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The Argon2id cost of deriving a sealed key file's AES-256 key from its passphrase (RFC 9106,
 * version 0x13). A sealed file records the parameters it was sealed with, so files sealed with
 * other parameters keep opening when {@link #DEFAULT} changes.
 *
 * @param memoryKiB memory in KiB (Argon2's m)
 * @param passes passes over the memory (Argon2's t)
 * @param lanes lanes (Argon2's p)
 */
public record SealingParameters(int memoryKiB, int passes, int lanes) {
  /**
   * 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option for memory-constrained
   * settings (section 4) with one lane, as Bouncy Castle computes lanes one after another. About
   * a second on one core at each start: a guess at the passphrase costs an attacker as much.
   */
  public static final SealingParameters DEFAULT = new SealingParameters(64 * 1024, 3, 1);

  /** The most a file may ask for: more would let a corrupt header exhaust memory or time. */
  static final int MAX_MEMORY_KIB = 1024 * 1024;
  static final int MAX_PASSES = 16;
  static final int MAX_LANES = 16;

  static final int KEY_BYTES = 32;

  /** @throws IllegalArgumentException if the parameters are outside what Argon2 or we allow */
  public SealingParameters {
    if (lanes < 1 || lanes > MAX_LANES) {
      throw new IllegalArgumentException("Argon2 lanes must be 1 to " + MAX_LANES);
    }
    if (passes < 1 || passes > MAX_PASSES) {
      throw new IllegalArgumentException("Argon2 passes must be 1 to " + MAX_PASSES);
    }
    if (memoryKiB < 8 * lanes || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "Argon2 memory must be 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB");
    }
  }

  /** The 32-byte AES key for {@code passphrase} and {@code salt}; wipe it after use. */
  byte[] deriveKey(byte[] passphrase, byte[] salt) {
    return argon2id(passphrase, salt, new byte[0], new byte[0], KEY_BYTES);
  }

  /**
   * Argon2id with all of RFC 9106's inputs, so that its test vector (section 5.3), which uses a
   * secret and associated data, can check this very derivation; sealing uses neither.
   */
  byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] associated, int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKiB)
        .withIterations(passes)
        .withParallelism(lanes)
        .withSalt(salt)
        .withSecret(secret)
        .withAdditional(associated)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password, out);
    parameters.clear();
    return out;
  }
}
