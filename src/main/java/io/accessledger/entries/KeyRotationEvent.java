package io.accessledger.entries;

/**
 * A {@code KEY_ROTATION} entry, the log's announcement of a new signing key ({@code
 * io.accessledger.ledger.keys.KeyRotationEntries}): the verifier keys before and after, in their
 * published form, as written (null when absent).
 */
public record KeyRotationEvent(Header header, String oldKey, String newKey)
    implements LedgerEvent {
  public static final String TYPE = "KEY_ROTATION";

  static KeyRotationEvent read(Header header, Fields event) {
    return new KeyRotationEvent(header, event.text("oldKey"), event.text("newKey"));
  }
}
