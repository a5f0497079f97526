package io.accessledger.crypto;

/**
 * A signature did not verify, or could not be a valid signature (wrong length, bad encoding).
 *
 * <p>The message says what is wrong; it never contains key material.
 */
public final class SignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  public SignatureException(String message) {
    super(message);
  }
}
