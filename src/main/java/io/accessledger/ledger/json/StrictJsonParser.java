package io.accessledger.ledger.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser over UTF-8 bytes into the ledger's JSON model. See {@link
 * CanonicalJson#parse(byte[])} for what is refused.
 *
 * <p>In canonical mode ({@link CanonicalJson#parseCanonical}) it also refuses, in the same pass,
 * everything that would make the bytes differ from what {@link CanonicalWriter} writes for the
 * value they hold: white space, keys out of UTF-16 order, {@code -0}, and any escape other than the
 * writer's own ({@code \" \\ \b \t \n \f \r}, lowercase <code>&#92;u00xx</code> for the other
 * controls). Those are the only freedoms strict JSON leaves once floats, leading zeros, overlong
 * UTF-8 and duplicate keys are refused, so a value accepted here re-serialises to exactly its input
 * (checked against serialise-and-compare in {@code CanonicalParseCrossCheckTest}).
 *
 * <p>It keeps the current JSON path in two small arrays (bounded by {@link
 * CanonicalJson#MAX_DEPTH}) and formats it only when reporting an error.
 */
final class StrictJsonParser {
  private final byte[] in;
  private final int end;
  private final boolean canonical;
  /** In canonical mode, the first departure from canonical form, thrown once the parse succeeds. */
  private CanonicalJsonException firstNonCanonical;
  private int pos;
  private int depth;

  /** Path segments 1..segments are valid; keys[d] is null when segment d is an array index. */
  private int segments;

  private final String[] keys = new String[CanonicalJson.MAX_DEPTH + 1];
  private final int[] indexes = new int[CanonicalJson.MAX_DEPTH + 1];

  private StrictJsonParser(byte[] in, boolean canonical) {
    this.in = in;
    this.end = in.length;
    this.canonical = canonical;
  }

  /**
   * Parses {@code utf8}; with {@code canonical}, also refuses any input that is not byte-for-byte
   * the canonical form of its value.
   */
  static Object parse(byte[] utf8, boolean canonical) {
    StrictJsonParser p = new StrictJsonParser(utf8, canonical);
    Object value = p.value();
    p.skipWhitespace();
    if (p.pos < p.end) {
      throw p.error("trailing data after the JSON value, found " + p.describe(p.pos), p.pos);
    }
    // Only now: input that is not strict JSON at all is reported as such, not as a form problem.
    if (p.firstNonCanonical != null) {
      throw p.firstNonCanonical;
    }
    return value;
  }

  private Object value() {
    skipWhitespace();
    if (pos >= end) {
      throw error("unexpected end of input, expected a value", pos);
    }
    switch (in[pos]) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return JsonNull.INSTANCE;
      case '-':
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        return number();
      default:
        throw error("expected a value, found " + describe(pos), pos);
    }
  }

  private Map<String, Object> object() {
    enter();
    pos++; // '{'
    skipWhitespace();
    if (pos < end && in[pos] == '}') {
      pos++;
      depth--;
      return Map.of();
    }
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    String previousKey = null;
    while (true) {
      skipWhitespace();
      if (pos >= end || in[pos] != '"') {
        if (pos < end && in[pos] == '}' && !map.isEmpty()) {
          throw error("trailing comma is refused", pos);
        }
        throw error("expected '\"' to start a key, found " + describe(pos), pos);
      }
      int keyAt = pos;
      String key = string();
      if (map.containsKey(key)) {
        throw error("duplicate key " + JsonPath.quoted(key) + " is refused", keyAt);
      }
      // String.compareTo orders by UTF-16 code units, as RFC 8785 section 3.2.3 sorts keys.
      if (canonical && previousKey != null && previousKey.compareTo(key) > 0) {
        notCanonical("key " + JsonPath.quoted(key) + " is out of order after "
            + JsonPath.quoted(previousKey) + " (keys sort by UTF-16 code units)", keyAt);
      }
      previousKey = key;
      skipWhitespace();
      if (pos >= end || in[pos] != ':') {
        throw error(
            "expected ':' after key " + JsonPath.quoted(key) + ", found " + describe(pos), pos);
      }
      pos++;
      keys[depth] = key;
      segments = depth;
      map.put(key, value());
      segments = depth - 1;
      skipWhitespace();
      if (pos < end && in[pos] == ',') {
        pos++;
      } else if (pos < end && in[pos] == '}') {
        pos++;
        depth--;
        return new JsonObject(map);
      } else {
        throw error("expected ',' or '}' after an object member, found " + describe(pos), pos);
      }
    }
  }

  private List<Object> array() {
    enter();
    pos++; // '['
    skipWhitespace();
    if (pos < end && in[pos] == ']') {
      pos++;
      depth--;
      return List.of();
    }
    List<Object> list = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos < end && in[pos] == ']') {
        throw error("trailing comma is refused", pos);
      }
      keys[depth] = null;
      indexes[depth] = list.size();
      segments = depth;
      list.add(value());
      segments = depth - 1;
      skipWhitespace();
      if (pos < end && in[pos] == ',') {
        pos++;
      } else if (pos < end && in[pos] == ']') {
        pos++;
        depth--;
        return Collections.unmodifiableList(list);
      } else {
        throw error("expected ',' or ']' after an array element, found " + describe(pos), pos);
      }
    }
  }

  private void enter() {
    if (depth == CanonicalJson.MAX_DEPTH) {
      throw error(CanonicalJson.tooDeep(), pos);
    }
    depth++;
    segments = depth - 1;
  }

  private void literal(String word) {
    int n = word.length();
    for (int i = 0; i < n; i++) {
      if (pos + i >= end || in[pos + i] != word.charAt(i)) {
        throw error("invalid literal, expected '" + word + "'", pos);
      }
    }
    pos += n;
  }

  private Long number() {
    int start = pos;
    boolean negative = in[pos] == '-';
    if (negative) {
      pos++;
    }
    if (pos >= end || !isDigit(in[pos])) {
      throw error("expected a digit after '-', found " + describe(pos), pos);
    }
    if (in[pos] == '0' && pos + 1 < end && isDigit(in[pos + 1])) {
      throw error("leading zeros are refused", start);
    }
    long magnitude = 0;
    int digits = 0;
    while (pos < end && isDigit(in[pos])) {
      if (digits < 17) {
        magnitude = magnitude * 10 + (in[pos] - '0');
      }
      digits++;
      pos++;
    }
    if (pos < end && (in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E')) {
      throw refusal("floats are refused, found " + describe(pos) + " in a number", pos);
    }
    if (digits > 16 || magnitude > CanonicalJson.MAX_SAFE_INTEGER) {
      String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
      throw refusal(CanonicalJson.outOfRange(text), start);
    }
    if (canonical && negative && magnitude == 0) {
      notCanonical("-0 is written 0", start);
    }
    return negative ? -magnitude : magnitude;
  }

  private String string() {
    int start = pos;
    pos++; // opening quote
    // Fast path: printable ASCII without escapes becomes a String in one step.
    int i = pos;
    while (i < end) {
      byte b = in[i];
      if (b == '"') {
        String s = new String(in, pos, i - pos, StandardCharsets.ISO_8859_1);
        pos = i + 1;
        return s;
      }
      if (b < 0x20 || b == '\\') { // negative bytes (non-ASCII) are < 0x20 too
        break;
      }
      i++;
    }
    StringBuilder sb = new StringBuilder(Math.max(16, (i - pos) * 2));
    for (int j = pos; j < i; j++) {
      sb.append((char) in[j]);
    }
    pos = i;
    while (true) {
      if (pos >= end) {
        throw error("unexpected end of input inside a string that starts at byte " + start, pos);
      }
      int b = in[pos];
      if (b == '"') {
        pos++;
        return sb.toString();
      } else if (b == '\\') {
        escape(sb);
      } else if (b >= 0x20) {
        sb.append((char) b);
        pos++;
      } else if (b >= 0) {
        throw error("control character " + CanonicalJson.codePoint(b) + " must be escaped", pos);
      } else {
        utf8(sb);
      }
    }
  }

  private void escape(StringBuilder sb) {
    int at = pos;
    pos++; // backslash
    if (pos >= end) {
      throw error("unexpected end of input inside an escape", pos);
    }
    byte e = in[pos++];
    if (canonical && e == '/') {
      notCanonical("'/' is written unescaped", at);
    }
    switch (e) {
      case '"':
        sb.append('"');
        return;
      case '\\':
        sb.append('\\');
        return;
      case '/':
        sb.append('/');
        return;
      case 'b':
        sb.append('\b');
        return;
      case 'f':
        sb.append('\f');
        return;
      case 'n':
        sb.append('\n');
        return;
      case 'r':
        sb.append('\r');
        return;
      case 't':
        sb.append('\t');
        return;
      case 'u':
        break;
      default:
        throw error("invalid escape: backslash followed by " + describe(e), at);
    }
    char c = hex4(at);
    if (Character.isLowSurrogate(c)) {
      throw refusal("lone surrogate " + CanonicalJson.codePoint(c) + " in string", at);
    }
    if (Character.isHighSurrogate(c)) {
      int lowAt = pos;
      if (pos + 1 < end && in[pos] == '\\' && in[pos + 1] == 'u') {
        pos += 2;
        char low = hex4(lowAt);
        if (Character.isLowSurrogate(low)) {
          if (canonical) {
            notCanonical(CanonicalJson.codePoint(Character.toCodePoint(c, low))
                + " is written unescaped", at);
          }
          sb.append(c).append(low);
          return;
        }
      }
      throw refusal("lone surrogate " + CanonicalJson.codePoint(c) + " in string", at);
    }
    if (canonical) {
      checkCanonicalUnicodeEscape(c, at);
    }
    sb.append(c);
  }

  /**
   * The writer escapes with <code>&#92;u</code> only the controls that have no short form, in
   * lowercase hex; every other character it writes as itself or in short form.
   */
  private void checkCanonicalUnicodeEscape(char c, int at) {
    boolean shortForm = c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    if (c >= 0x20 || shortForm) {
      notCanonical(CanonicalJson.codePoint(c) + " is written "
          + (c == '"' || c == '\\' || shortForm ? "as a short escape" : "unescaped"), at);
    }
    for (int k = pos - 4; k < pos; k++) {
      if (in[k] >= 'A' && in[k] <= 'F') {
        notCanonical("\\u escapes are written in lowercase hex", at);
        return;
      }
    }
  }

  private char hex4(int escapeAt) {
    if (pos + 4 > end) {
      throw error("invalid \\u escape, expected 4 hex digits", escapeAt);
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(in[pos + k], 16);
      if (d < 0 || in[pos + k] < 0) {
        throw error("invalid \\u escape, expected 4 hex digits", escapeAt);
      }
      v = (v << 4) | d;
    }
    pos += 4;
    return (char) v;
  }

  /**
   * Decodes one multi-byte UTF-8 sequence at {@code pos}, refusing overlong forms and surrogates.
   */
  private void utf8(StringBuilder sb) {
    int lead = in[pos] & 0xff;
    int count;
    int min = 0x80;
    int max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      count = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead == 0xe0) {
        min = 0xa0; // shorter forms are overlong
      } else if (lead == 0xed) {
        max = 0x9f; // U+D800..U+DFFF are not characters
      }
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead == 0xf0) {
        min = 0x90; // overlong
      } else if (lead == 0xf4) {
        max = 0x8f; // beyond U+10FFFF
      }
    } else {
      throw error("invalid UTF-8 lead byte " + hexByte(lead), pos);
    }
    int cp = lead & (0x3f >> count);
    for (int k = 1; k <= count; k++) {
      if (pos + k >= end) {
        throw error("unexpected end of input inside a UTF-8 sequence", pos + k);
      }
      int b = in[pos + k] & 0xff;
      if (b < min || b > max) {
        throw error(
            "invalid UTF-8 byte " + hexByte(b) + " after lead byte " + hexByte(lead), pos + k);
      }
      min = 0x80;
      max = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
    }
    pos += count + 1;
    sb.appendCodePoint(cp);
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      if (canonical) {
        notCanonical("white space between tokens", pos);
      }
      pos++;
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private String describe(int at) {
    return at >= end ? "end of input" : describe(in[at]);
  }

  private static String describe(byte b) {
    return b > 0x20 && b < 0x7f ? "'" + (char) b + "'" : "byte " + hexByte(b & 0xff);
  }

  private static String hexByte(int b) {
    return String.format("0x%02X", b);
  }

  /** Well-formed JSON holding a value the ledger cannot represent exactly. */
  private CanonicalJsonException refusal(String problem, int offset) {
    return error(problem, offset, true);
  }

  private CanonicalJsonException error(String problem, int offset) {
    return error(problem, offset, false);
  }

  /**
   * Notes a departure from canonical form and parses on: it is thrown only if the whole input turns
   * out to be strict JSON holding an acceptable value; anything worse is reported instead.
   */
  private void notCanonical(String problem, int offset) {
    if (firstNonCanonical == null) {
      firstNonCanonical =
          new CanonicalJsonException("not canonical: " + problem, path(), offset, true, true);
    }
  }

  private CanonicalJsonException error(String problem, int offset, boolean wellFormed) {
    return new CanonicalJsonException(problem, path(), offset, wellFormed, false);
  }

  private String path() {
    StringBuilder path = new StringBuilder(JsonPath.ROOT);
    for (int d = 1; d <= segments; d++) {
      if (keys[d] == null) {
        JsonPath.appendIndex(path, indexes[d]);
      } else {
        JsonPath.appendKey(path, keys[d]);
      }
    }
    return path.toString();
  }
}
