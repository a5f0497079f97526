package io.accessledger.ledger.keys;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One {@code KEY_ROTATION} entry as read from the log: at {@code seq}, received at {@code
 * rotatedAt}, the log announced that {@code newKey} follows {@code oldKey}. Immutable.
 *
 * @param seq the entry's index in the log
 * @param rotatedAt when the log received it: the start of the transition
 * @param oldKey the key in use until then
 * @param newKey the key that signs every checkpoint whose tree holds this entry
 */
public record KeyRotation(long seq, Instant rotatedAt, VerifierKey oldKey, VerifierKey newKey) {
  public KeyRotation {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be 0 or more, got " + seq);
    }
    Objects.requireNonNull(rotatedAt, "rotatedAt");
    Objects.requireNonNull(oldKey, "oldKey");
    Objects.requireNonNull(newKey, "newKey");
  }

  /** Whether {@code entry} is a {@code KEY_ROTATION} entry the ledger wrote (source ledger). */
  public static boolean isRotation(LedgerEntry entry) {
    return EventIdentity.LEDGER_SOURCE.equals(entry.source())
        && KeyRotationEntries.TYPE.equals(entry.event().get("type"));
  }

  /**
   * Reads the rotation {@code entry} announces.
   *
   * @throws KeyHistoryException if it is not a {@code KEY_ROTATION} entry of source ledger, or
   *     its {@code oldKey} or {@code newKey} is not a verifier key
   */
  public static KeyRotation read(LedgerEntry entry) throws KeyHistoryException {
    if (!isRotation(entry)) {
      throw new KeyHistoryException(entry.seq(), "entry " + entry.seq()
          + " is not a " + KeyRotationEntries.TYPE + " entry of source "
          + EventIdentity.LEDGER_SOURCE);
    }
    Instant at;
    try {
      at = Instant.parse(entry.receivedAt());
    } catch (DateTimeParseException e) {
      throw new KeyHistoryException(entry.seq(), "entry " + entry.seq()
          + " has a receivedAt that is not a timestamp");
    }
    return new KeyRotation(entry.seq(), at, key(entry, "oldKey"), key(entry, "newKey"));
  }

  private static VerifierKey key(LedgerEntry entry, String field) throws KeyHistoryException {
    if (!(entry.event().get(field) instanceof String text)) {
      throw new KeyHistoryException(entry.seq(), "the " + KeyRotationEntries.TYPE + " entry "
          + entry.seq() + " has no " + field);
    }
    try {
      return VerifierKey.parse(text);
    } catch (CheckpointException e) {
      throw new KeyHistoryException(entry.seq(), "the " + KeyRotationEntries.TYPE + " entry "
          + entry.seq() + " has an " + field + " that is not a verifier key: " + e.getMessage());
    }
  }
}
