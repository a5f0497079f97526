package io.accessledger.crypto.bc;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.Signer;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 (RFC 8032, pure) signer built from a 32-byte seed.
 *
 * <p>Signatures are deterministic: the same seed and message always give the same 64 bytes.
 * The seed is copied in and is never exposed again: there is no accessor for it, and {@link
 * #toString()} shows only the public key. Thread-safe.
 */
public final class Ed25519Signer implements Signer {
  private final Ed25519PrivateKeyParameters privateKey;
  private final byte[] publicKey;

  /**
   * Builds a signer from a copy of {@code seed}; the caller may then overwrite its array.
   *
   * @throws IllegalArgumentException unless {@code seed} is exactly 32 bytes
   */
  public Ed25519Signer(byte[] seed) {
    if (seed == null || seed.length != Ed25519Keys.SEED_LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 seed must be " + Ed25519Keys.SEED_LENGTH + " bytes, got "
              + (seed == null ? "null" : seed.length));
    }
    this.privateKey = new Ed25519PrivateKeyParameters(seed);
    this.publicKey = privateKey.generatePublicKey().getEncoded();
  }

  @Override
  public byte[] sign(byte[] message) {
    Objects.requireNonNull(message, "message");
    org.bouncycastle.crypto.signers.Ed25519Signer signer =
        new org.bouncycastle.crypto.signers.Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** A verifier for this signer's public key. */
  public Ed25519Verifier verifier() {
    return new Ed25519Verifier(publicKey);
  }

  /** Names the public key only; never the seed. */
  @Override
  public String toString() {
    return "Ed25519Signer[publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
  }
}
