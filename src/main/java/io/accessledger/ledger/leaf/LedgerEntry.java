package io.accessledger.ledger.leaf;

import io.accessledger.ledger.json.JsonObject;
import io.accessledger.ledger.merkle.Digest;
import java.util.Map;

/**
 * A decoded leaf (contract section 2): the event as accepted, the back-links of every key it
 * names, the hash of the previous leaf, when it was received, its {@code seq} and the source system.
 *
 * @param event the event object, as parsed from the canonical leaf
 * @param links link key to the {@code seq} of the previous entry naming it, or -1
 * @param prev leaf hash of entry {@code seq - 1}, or {@link Digest#ZERO} for entry 0
 * @param receivedAt RFC 3339 UTC timestamp with milliseconds, exactly as stored
 */
public record LedgerEntry(
    long seq,
    Map<String, Object> event,
    Map<String, Long> links,
    Digest prev,
    String receivedAt,
    String source) {

  public LedgerEntry {
    // A parsed JSON object cannot change, so it is kept as it is (decoding a leaf is verify's
    // hot path); anything else is copied.
    event = event instanceof JsonObject ? event : Map.copyOf(event);
    links = ((Object) links) instanceof JsonObject ? links : Map.copyOf(links);
  }
}
