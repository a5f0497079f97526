package io.accessledger.crypto.bc;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureException;
import io.accessledger.crypto.Verifier;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Verifies Ed25519 (RFC 8032, pure) signatures made with one public key.
 *
 * <p>The constructor refuses keys that are not 32 bytes or do not decode to a curve point.
 * Verification refuses signatures that are not 64 bytes and non-canonical scalars (Bouncy Castle
 * checks S &lt; L). Immutable and thread-safe.
 */
public final class Ed25519Verifier implements Verifier {
  private final Ed25519PublicKeyParameters key;
  private final byte[] publicKey;

  /**
   * Builds a verifier from a copy of {@code publicKey}.
   *
   * @throws IllegalArgumentException unless {@code publicKey} is a valid 32-byte Ed25519 key
   */
  public Ed25519Verifier(byte[] publicKey) {
    if (publicKey == null || publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 public key must be " + Ed25519Keys.PUBLIC_KEY_LENGTH + " bytes, got "
              + (publicKey == null ? "null" : publicKey.length));
    }
    this.publicKey = publicKey.clone();
    try {
      this.key = new Ed25519PublicKeyParameters(this.publicKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key (not a curve point)", e);
    }
  }

  @Override
  public void verify(byte[] message, byte[] signature) throws SignatureException {
    Objects.requireNonNull(message, "message");
    if (signature == null || signature.length != Ed25519Keys.SIGNATURE_LENGTH) {
      throw new SignatureException(
          "Ed25519 signature must be " + Ed25519Keys.SIGNATURE_LENGTH + " bytes, got "
              + (signature == null ? "null" : signature.length));
    }
    org.bouncycastle.crypto.signers.Ed25519Signer verifier =
        new org.bouncycastle.crypto.signers.Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    if (!verifier.verifySignature(signature)) {
      throw new SignatureException("Ed25519 signature does not verify");
    }
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public String toString() {
    return "Ed25519Verifier[publicKey=" + HexFormat.of().formatHex(publicKey) + "]";
  }
}
