package io.accessledger.ledger.keys;

/** A {@code KEY_ROTATION} entry, or the chain they form, is not what a key history must be. */
public final class KeyHistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long seq;

  /** @param seq the entry at fault, or -1 when no one entry is */
  public KeyHistoryException(long seq, String message) {
    super(message);
    this.seq = seq;
  }

  /** The {@code seq} of the entry at fault, or -1. */
  public long seq() {
    return seq;
  }
}
