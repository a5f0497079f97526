package io.accessledger.ledger.leaf;

import io.accessledger.ledger.merkle.Digest;

/**
 * Which entries hold a posted event's identity, and how to get back the event as it was posted
 * (contract sections 2 to 4). The service records an {@code eventId} for every event an ingest
 * client posts; the ledger's own entries (source {@value #LEDGER_SOURCE}, such as
 * {@code AUDIT_QUERY}, {@code REVIEW} and {@code MAINTENANCE}) and the {@code EXTRACT_SUBJECT} entries derived from a release hold none.
 * For every identified entry but an {@code EXTRACT_RELEASE}, the stored event is the posted event.
 */
public final class EventIdentity {
  /** The {@code source} of every entry the ledger writes about itself. */
  public static final String LEDGER_SOURCE = "ledger";

  static final String EXTRACT_RELEASE = "EXTRACT_RELEASE";
  static final String EXTRACT_SUBJECT = "EXTRACT_SUBJECT";

  private EventIdentity() {}

  /**
   * What the event-id index must record for {@code entry}, or null when it must record nothing: a
   * ledger entry, an {@code EXTRACT_SUBJECT} entry, or an event without a string {@code eventId}.
   * It costs a hash of the event, so the verifier calls it where leaves are decoded in parallel.
   *
   * @param leaf the bytes {@code entry} was decoded from
   */
  public static PostedIdentity of(LedgerEntry entry, byte[] leaf) {
    if (LEDGER_SOURCE.equals(entry.source())) {
      return null;
    }
    Object type = entry.event().get("type");
    if (EXTRACT_SUBJECT.equals(type) || !(entry.event().get("eventId") instanceof String eventId)) {
      return null;
    }
    // Every posted event but a release is stored as posted, so its digest is its stored event's.
    boolean release = EXTRACT_RELEASE.equals(type);
    return new PostedIdentity(eventId, release, release ? null : LeafCodec.eventDigest(leaf));
  }

  /** Why the index must record no eventId for {@code entry}, in words, for problem reports. */
  public static String whyNone(LedgerEntry entry) {
    if (LEDGER_SOURCE.equals(entry.source())) {
      return "was written by the ledger itself (source " + LEDGER_SOURCE + ")";
    }
    if (EXTRACT_SUBJECT.equals(entry.event().get("type"))) {
      return "is an " + EXTRACT_SUBJECT + " entry, derived from its release";
    }
    return "has no eventId";
  }

  /** {@code content hash <hex>}, or what is wrong with a stored hash, for problem reports. */
  public static String describeContent(Digest recorded) {
    return recorded == null ? "a content hash that is not 32 bytes" : "content hash " + recorded;
  }

  /** {@code eventId X from S}, for problem reports. */
  public static String describe(String source, String eventId) {
    return "eventId " + eventId + " from " + source;
  }
}
