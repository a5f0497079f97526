package io.accessledger.ledger.json;

/**
 * The JSON {@code null} value in the ledger's JSON model.
 *
 * <p>{@link CanonicalJson#parse} returns {@link #INSTANCE} for {@code null} rather than Java {@code
 * null}, so parsed maps and lists never hold Java {@code null} and callers may use {@code
 * Map.of}/{@code List.of} style immutables freely. {@link CanonicalJson#serialize} accepts both.
 */
public enum JsonNull {
  /** The one JSON null. */
  INSTANCE;

  /** Returns {@code "null"}, the value's JSON text. */
  @Override
  public String toString() {
    return "null";
  }
}
