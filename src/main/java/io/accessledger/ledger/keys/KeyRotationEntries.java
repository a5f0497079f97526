package io.accessledger.ledger.keys;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.VerifierKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's announcement of a new signing key (contract section 8): a {@value #TYPE} entry,
 * source {@value EventIdentity#LEDGER_SOURCE}, with {@code type}, {@code eventId} ({@code
 * key-rotation-<uuid>}), {@code occurredAt}, {@code oldKey} and {@code newKey} (verifier keys in
 * their published form), and {@code record} {@code {"type":"signing-key","id":<origin>}}.
 *
 * <p>The {@code record} puts every rotation of a log in one history, {@code
 * record:signing-key/<origin>}: its entries are chained by their {@code links}, so the store's
 * link index finds them all at once, and a completeness statement for that history proves that no
 * rotation is left out. Like every entry of source {@value EventIdentity#LEDGER_SOURCE}, no client
 * can post one.
 */
public final class KeyRotationEntries {
  /** The entry type. */
  public static final String TYPE = "KEY_ROTATION";

  /** The record type of the history of a log's keys. */
  public static final String RECORD_TYPE = "signing-key";

  private KeyRotationEntries() {}

  /** The link key of the history of {@code origin}'s signing keys. */
  public static String linkKey(String origin) {
    return LinkKeys.recordKey(RECORD_TYPE, origin);
  }

  /** The entry announcing, at {@code at}, that {@code newKey} follows {@code oldKey}. */
  public static PreparedEvent announce(VerifierKey oldKey, VerifierKey newKey, Instant at) {
    return announce(oldKey, newKey, at, "key-rotation-" + UUID.randomUUID());
  }

  /** As {@link #announce(VerifierKey, VerifierKey, Instant)}, with the given {@code eventId}. */
  public static PreparedEvent announce(
      VerifierKey oldKey, VerifierKey newKey, Instant at, String eventId) {
    if (!oldKey.name().equals(newKey.name())) {
      throw new IllegalArgumentException("a log's keys all carry its origin as their name");
    }
    if (oldKey.equals(newKey)) {
      throw new IllegalArgumentException("a rotation needs a new key");
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", TYPE);
    event.put("eventId", eventId);
    event.put("occurredAt", LeafCodec.formatReceivedAt(at));
    event.put("oldKey", oldKey.toString());
    event.put("newKey", newKey.toString());
    event.put("record", Map.of("type", RECORD_TYPE, "id", oldKey.name()));
    return PreparedEvent.of(event, EventIdentity.LEDGER_SOURCE);
  }
}
