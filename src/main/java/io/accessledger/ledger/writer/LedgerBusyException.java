package io.accessledger.ledger.writer;

/**
 * The sequencer's queue is full: back-pressure, not failure. Nothing was written; the caller should
 * retry after a short wait (HTTP 503 with {@code Retry-After}).
 */
public final class LedgerBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerBusyException(String message) {
    super(message);
  }
}
