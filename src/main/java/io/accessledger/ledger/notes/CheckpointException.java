package io.accessledger.ledger.notes;

/**
 * A signed checkpoint note was refused (malformed, too large, not signed by the expected key, or
 * for another log), or a published verifier key could not be parsed. The message says precisely why (for example {@code "signature does not verify
 * for key example.org/log+e4fe6db6"} or {@code "origin mismatch: got X, want Y"}).
 */
public final class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
