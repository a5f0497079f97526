package io.accessledger.ledger.leaf;

import io.accessledger.ledger.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An event made ready for the sequencer: its canonical bytes and link keys are computed on the
 * caller's thread, so the single writer only assigns {@code seq}, links and hashes.
 *
 * <p>One kind of entry cannot be fully built before it is sequenced: an {@code EXTRACT_SUBJECT}
 * entry names the {@code seq} of its release (contract section 2), which the writer assigns. Such
 * an event is held as the canonical bytes before and after that number, and the writer splices the
 * release's {@code seq} in; since {@code release} sorts between {@code occurredAt} and
 * {@code subject}, the result is canonical without re-serialising.
 */
public final class PreparedEvent {
  private static final byte[] NONE = new byte[0];

  private final byte[] canonicalEvent;
  private final byte[] afterReference;
  private final int referencedOffset;
  private final List<String> linkKeys;
  private final String source;
  private final EventKey key;

  private PreparedEvent(
      byte[] canonicalEvent,
      byte[] afterReference,
      int referencedOffset,
      List<String> linkKeys,
      String source,
      EventKey key) {
    this.canonicalEvent = canonicalEvent;
    this.afterReference = afterReference;
    this.referencedOffset = referencedOffset;
    this.linkKeys = linkKeys;
    this.source = source;
    this.key = key;
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
    requireSource(source);
    return new PreparedEvent(
        CanonicalJson.serialize(event), NONE, -1, LinkKeys.of(event), source, null);
  }

  /**
   * As {@link #of}, and records {@code key} with the entry so that its {@code eventId} can be found
   * again. The caller MUST make sure no entry with the same source and {@code eventId} is in the
   * log or in flight in this process: the store refuses a duplicate key, and the writer then
   * fails the group holding it (with {@code AlreadyRecordedException}, when another node
   * recorded it in between) and writes the rest of the batch.
   */
  public static PreparedEvent identified(Map<String, ?> event, EventKey key) {
    requireSource(key.source());
    return new PreparedEvent(
        CanonicalJson.serialize(event), NONE, -1, LinkKeys.of(event), key.source(), key);
  }

  /**
   * One {@code EXTRACT_SUBJECT} entry of an extract release (contract section 2):
   * {@code {"eventId":"<release eventId>#<index>","occurredAt":…,"release":<seq of the release>,
   * "subject":{"id":…},"type":"EXTRACT_SUBJECT"}}.
   *
   * @param releaseOffset how many entries before this one, in the same group, the release is; the
   *     writer fills in that entry's {@code seq}
   */
  public static PreparedEvent extractSubject(
      String releaseEventId,
      int index,
      String occurredAt,
      String subjectId,
      int releaseOffset,
      String source) {
    requireSource(source);
    if (index < 0 || releaseOffset <= 0) {
      throw new IllegalArgumentException(
          "index must be >= 0 and the release must come earlier in the group");
    }
    ByteArrayOutputStream before = new ByteArrayOutputStream(96);
    ascii(before, "{\"eventId\":");
    before.writeBytes(CanonicalJson.serialize(releaseEventId + "#" + index));
    ascii(before, ",\"occurredAt\":");
    before.writeBytes(CanonicalJson.serialize(occurredAt));
    ascii(before, ",\"release\":");
    ByteArrayOutputStream after = new ByteArrayOutputStream(64);
    ascii(after, ",\"subject\":{\"id\":");
    after.writeBytes(CanonicalJson.serialize(subjectId));
    ascii(after, "},\"type\":\"EXTRACT_SUBJECT\"}");
    return new PreparedEvent(
        before.toByteArray(),
        after.toByteArray(),
        releaseOffset,
        List.of(LinkKeys.subjectKey(subjectId)),
        source,
        null);
  }

  private static void requireSource(String source) {
    if (source == null || source.isEmpty()) {
      throw new IllegalArgumentException("source must be non-empty");
    }
    CanonicalJson.serialize(source); // refused here, not later inside someone else's batch
  }

  /**
   * The event's canonical bytes, once it is known to be the entry at {@code seq}; owned by the
   * ledger, not to be modified.
   */
  public byte[] canonicalEventAt(long seq) {
    if (referencedOffset < 0) {
      return canonicalEvent;
    }
    byte[] reference = Long.toString(seq - referencedOffset).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[canonicalEvent.length + reference.length + afterReference.length];
    System.arraycopy(canonicalEvent, 0, out, 0, canonicalEvent.length);
    System.arraycopy(reference, 0, out, canonicalEvent.length, reference.length);
    System.arraycopy(
        afterReference, 0, out, canonicalEvent.length + reference.length, afterReference.length);
    return out;
  }

  /** How many entries earlier in its group the entry this one names is, or -1 for none. */
  public int referencedOffset() {
    return referencedOffset;
  }

  /** Sorted distinct link keys the event names. */
  public List<String> linkKeys() {
    return linkKeys;
  }

  public String source() {
    return source;
  }

  /** The posted event's identity, or null for entries the ledger derives or writes itself. */
  public EventKey key() {
    return key;
  }

  /** Size of the canonical event in bytes (without a spliced-in reference). */
  public int size() {
    return canonicalEvent.length + afterReference.length;
  }

  private static void ascii(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
  }
}
