package io.accessledger.ledger;

import io.accessledger.ledger.json.CanonicalJson;
import java.util.List;
import java.util.Map;

/**
 * An event made ready for the sequencer: its canonical bytes and link keys are computed on the
 * caller's thread, so the single writer only assigns {@code seq}, links and hashes.
 */
public final class PreparedEvent {
  private final byte[] canonicalEvent;
  private final List<String> linkKeys;
  private final String source;

  private PreparedEvent(byte[] canonicalEvent, List<String> linkKeys, String source) {
    this.canonicalEvent = canonicalEvent;
    this.linkKeys = linkKeys;
    this.source = source;
  }

  /**
   * Canonicalises {@code event} for the log.
   *
   * @param event must not be changed by anyone while this runs
   * @param source the system that posted it, taken from its credentials, never from the body
   * @throws io.accessledger.ledger.json.CanonicalJsonException if the event holds a value RFC 8785
   *     cannot represent exactly (a float, an integer beyond 2^53, a lone surrogate)
   */
  public static PreparedEvent of(Map<String, ?> event, String source) {
    if (source == null || source.isEmpty()) {
      throw new IllegalArgumentException("source must be non-empty");
    }
    CanonicalJson.serialize(source); // refused here, not later inside someone else's batch
    return new PreparedEvent(CanonicalJson.serialize(event), LinkKeys.of(event), source);
  }

  /** The event's canonical bytes; owned by the ledger, not to be modified. */
  byte[] canonicalEvent() {
    return canonicalEvent;
  }

  /** Sorted distinct link keys the event names. */
  public List<String> linkKeys() {
    return linkKeys;
  }

  public String source() {
    return source;
  }

  /** Size of the canonical event in bytes. */
  public int size() {
    return canonicalEvent.length;
  }
}
