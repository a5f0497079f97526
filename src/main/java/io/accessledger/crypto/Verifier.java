package io.accessledger.crypto;

/**
 * Checks signatures made with one public key.
 *
 * <p>Returns normally only when {@code signature} is a valid signature of exactly {@code message};
 * there is no boolean to forget to check. Implementations MUST be thread-safe.
 */
public interface Verifier {
  /**
   * Verifies {@code signature} over {@code message}.
   *
   * @throws SignatureException if the signature is malformed or does not verify
   */
  void verify(byte[] message, byte[] signature) throws SignatureException;
}
