package io.accessledger.ledger.writer;

/**
 * The stored ledger is not in a state the service can safely extend: its tree does not match its
 * latest signed checkpoint, or the signing key does not match the checkpoints. The message says
 * which and what to run next; the service refuses to start rather than sign over it.
 */
public final class LedgerStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerStateException(String message) {
    super(message);
  }

  public LedgerStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
