package io.accessledger.ledger.leaf;

/** A stored leaf is not a well-formed, canonical contract leaf; the message says what is wrong. */
public final class LeafFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public LeafFormatException(String message) {
    super(message);
  }

  public LeafFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
