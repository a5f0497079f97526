package io.accessledger.ledger.leaf;

import io.accessledger.ledger.json.ByteSink;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.json.CanonicalJsonException;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Encodes and decodes contract leaves:
 * {@code {"event":{…},"links":{…},"prev":"<hex>","receivedAt":"<RFC 3339>","seq":N,"source":"…","v":1}}
 * in RFC 8785 canonical form.
 *
 * <p>{@link #encode} assembles the bytes from an already canonical event without re-serialising it:
 * the top-level keys are written in their canonical (sorted) order, so the result is canonical
 * whenever the event is. {@link #decode} accepts only bytes that are canonical, carry exactly these
 * seven keys with the right types, and have {@code v} 1.
 */
public final class LeafCodec {
  /** The leaf format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final Set<String> KEYS =
      Set.of("event", "links", "prev", "receivedAt", "seq", "source", "v");
  private static final DateTimeFormatter RECEIVED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** The shape of {@code receivedAt}: {@code d} is an ASCII digit, anything else itself. */
  private static final String RECEIVED_AT_SHAPE = "dddd-dd-ddTdd:dd:dd.dddZ";
  private static final byte[] EVENT_PREFIX = "{\"event\":".getBytes(StandardCharsets.US_ASCII);

  private LeafCodec() {}

  /** Formats {@code instant} as the leaf's {@code receivedAt}: UTC, millisecond precision. */
  public static String formatReceivedAt(Instant instant) {
    return RECEIVED_AT.format(instant);
  }

  /**
   * Builds the canonical leaf bytes.
   *
   * @param canonicalEvent the event's RFC 8785 bytes (a JSON object)
   * @param links every link key the event names, to its previous {@code seq} or -1; sorted
   * @param receivedAt as made by {@link #formatReceivedAt}
   */
  public static byte[] encode(
      long seq,
      byte[] canonicalEvent,
      SortedMap<String, Long> links,
      Digest prev,
      String receivedAt,
      String source) {
    // One buffer sized for the whole leaf, written in place: this runs once per entry on the
    // single writer thread.
    ByteSink out = new ByteSink(canonicalEvent.length + 160 + 48 * links.size());
    out.appendAscii("{\"event\":");
    out.appendRaw(canonicalEvent);
    out.appendAscii(",\"links\":");
    CanonicalJson.serialize(links, out);
    out.appendAscii(",\"prev\":\"");
    out.appendAscii(prev.hex());
    out.appendAscii("\",\"receivedAt\":\"");
    out.appendAscii(receivedAt);
    out.appendAscii("\",\"seq\":");
    out.appendAscii(Long.toString(seq));
    out.appendAscii(",\"source\":");
    CanonicalJson.serialize(source, out);
    out.appendAscii(",\"v\":" + VERSION + "}");
    return out.toByteArray();
  }

  /**
   * Parses and checks a stored leaf.
   *
   * @throws LeafFormatException naming the first problem: not JSON, not canonical, a missing or
   *     extra key, a value of the wrong type, or an unknown version
   */
  public static LedgerEntry decode(byte[] leaf) throws LeafFormatException {
    Object parsed;
    try {
      // One pass that also refuses any byte the canonical form would not have: cheaper than
      // parsing, serialising again and comparing, which is what it is tested against.
      parsed = CanonicalJson.parseCanonical(leaf);
    } catch (CanonicalJsonException e) {
      if (!e.isNonCanonicalForm()) {
        throw new LeafFormatException("leaf is not valid JSON: " + e.getMessage(), e);
      }
      // Strict JSON, but not canonical: a wrong set of keys is still named first, as it is the
      // plainer problem (this path is only taken for a leaf that is bad anyway).
      if (CanonicalJson.parse(leaf) instanceof Map<?, ?> map && !map.keySet().equals(KEYS)) {
        throw new LeafFormatException("leaf keys are " + map.keySet() + ", want " + KEYS);
      }
      throw new LeafFormatException(
          "leaf is not in RFC 8785 canonical form: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new LeafFormatException("leaf is not a JSON object");
    }
    if (!map.keySet().equals(KEYS)) {
      throw new LeafFormatException("leaf keys are " + map.keySet() + ", want " + KEYS);
    }
    if (!(map.get("v") instanceof Long v) || v != VERSION) {
      throw new LeafFormatException("leaf version is " + map.get("v") + ", want " + VERSION);
    }
    long seq = field(map, "seq", Long.class);
    if (seq < 0) {
      throw new LeafFormatException("leaf seq is negative: " + seq);
    }
    String prev = field(map, "prev", String.class);
    Digest prevHash = lowerHex64(prev);
    if (prevHash == null) {
      throw new LeafFormatException("leaf prev is not 64 lowercase hex digits: " + prev);
    }
    String receivedAt = field(map, "receivedAt", String.class);
    if (!isReceivedAtShape(receivedAt)) {
      throw new LeafFormatException("leaf receivedAt is not RFC 3339 UTC millis: " + receivedAt);
    }
    return new LedgerEntry(
        seq,
        stringKeyed(field(map, "event", Map.class)),
        links(field(map, "links", Map.class)),
        prevHash,
        receivedAt,
        field(map, "source", String.class));
  }

  /**
   * SHA-256 of the canonical event inside a leaf that {@link #decode} accepted, equal to SHA-256 of
   * {@code CanonicalJson.serialize(entry.event())} but without re-serialising: a decoded leaf is
   * canonical, and {@code event} sorts first, so the event's canonical bytes are the leaf's, from
   * the brace just after the leading {@code "event":} to the brace that closes it. Finding that
   * brace is a linear scan that skips strings, much cheaper than building the bytes again.
   *
   * @throws IllegalArgumentException if {@code leaf} does not start with a JSON object under
   *     {@code event} (it was not accepted by {@link #decode})
   */
  static Digest eventDigest(byte[] leaf) {
    int start = EVENT_PREFIX.length;
    if (leaf.length <= start
        || !Arrays.equals(leaf, 0, start, EVENT_PREFIX, 0, start)
        || leaf[start] != '{') {
      throw new IllegalArgumentException("not a decoded leaf");
    }
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < leaf.length; i++) {
      byte b = leaf[i];
      if (inString) {
        if (b == '\\') {
          i++; // the escaped byte may be a quote, which does not end the string
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if ((b == '}' || b == ']') && --depth == 0) {
        return TreeHasher.sha256(leaf, start, i + 1);
      }
    }
    throw new IllegalArgumentException("not a decoded leaf: its event object does not close");
  }

  // Hand-written rather than regular expressions: decode runs once per leaf in verify.
  /** The digest {@code s} spells in 64 lowercase hex digits, or null if it does not. */
  private static Digest lowerHex64(String s) {
    if (s.length() != 2 * Digest.LENGTH) {
      return null;
    }
    byte[] bytes = new byte[Digest.LENGTH];
    for (int i = 0; i < bytes.length; i++) {
      int high = lowerHexDigit(s.charAt(2 * i));
      int low = lowerHexDigit(s.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        return null;
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return Digest.of(bytes);
  }

  private static int lowerHexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  private static boolean isReceivedAtShape(String s) {
    if (s.length() != RECEIVED_AT_SHAPE.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char want = RECEIVED_AT_SHAPE.charAt(i);
      char c = s.charAt(i);
      if (want == 'd' ? c < '0' || c > '9' : c != want) {
        return false;
      }
    }
    return true;
  }

  private static <T> T field(Map<?, ?> map, String key, Class<T> type) throws LeafFormatException {
    Object value = map.get(key);
    if (!type.isInstance(value)) {
      throw new LeafFormatException(
          "leaf " + key + " must be " + type.getSimpleName() + ", got " + describe(value));
    }
    return type.cast(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> links(Map<?, ?> raw) throws LeafFormatException {
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getValue() instanceof Long seq) || seq < -1) {
        throw new LeafFormatException(
            "leaf links." + e.getKey() + " must be a seq or -1, got " + describe(e.getValue()));
      }
    }
    // Its keys are Strings (the parser's) and every value is now known to be a Long: the parsed,
    // unchangeable object is the map, and LedgerEntry keeps it without copying.
    return (Map<String, Long>) raw;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringKeyed(Map<?, ?> map) {
    // The parser only ever produces String keys; the cast documents that.
    return (Map<String, Object>) map;
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
  }
}
