package io.accessledger.crypto;

/**
 * Signs messages with a private key the caller never sees.
 *
 * <p>Implementations MUST be thread-safe and MUST NOT reveal key material through {@code
 * toString}, exceptions or logs.
 */
public interface Signer {
  /**
   * Signs {@code message} as a whole (no pre-hashing by the caller).
   *
   * @return a fresh array holding the signature
   */
  byte[] sign(byte[] message);
}
