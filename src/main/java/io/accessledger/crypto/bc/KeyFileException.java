package io.accessledger.crypto.bc;

/**
 * A signing key file cannot be used: it exists but is not a regular file, is accessible to group
 * or others, or is malformed; or reading, creating or syncing it failed (the cause is the
 * {@link java.io.IOException}). The message names the file and the problem, never key material.
 *
 * <p>Unchecked: a ledger cannot start without its key, and there is nothing to retry.
 */
public final class KeyFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
