package io.accessledger.ledger.json;

import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 (JCS) canonical JSON for ledger leaves, over a plain-Java value model.
 *
 * <h2>Value model</h2>
 *
 * <table>
 *   <caption>JSON types and their Java types</caption>
 *   <tr><th>JSON</th><th>{@link #parse} returns</th><th>{@link #serialize} also accepts</th></tr>
 *   <tr><td>object</td><td>unmodifiable {@code Map<String,Object>}, in input order</td>
 *       <td>any {@code Map} with {@code String} keys</td></tr>
 *   <tr><td>array</td><td>unmodifiable {@code List<Object>}</td><td>any {@code List}</td></tr>
 *   <tr><td>string</td><td>{@code String}</td><td></td></tr>
 *   <tr><td>number</td><td>{@code Long}, |n| &lt;= 2^53-1</td>
 *       <td>{@code Integer}, {@code Short}, {@code Byte}; {@code BigInteger} in range</td></tr>
 *   <tr><td>true, false</td><td>{@code Boolean}</td><td></td></tr>
 *   <tr><td>null</td><td>{@link JsonNull#INSTANCE}</td><td>Java {@code null}</td></tr>
 * </table>
 *
 * <h2>Why so strict</h2>
 *
 * A leaf's hash commits to its exact bytes, so every party must derive the same bytes from the same
 * value. Only integers that an IEEE double holds exactly (|n| &lt;= 2^53-1) are allowed: RFC 8785
 * serialises numbers as ECMAScript doubles, and the ledger has no use for fractions, so floats of
 * any spelling ({@code 1.5}, {@code 1.0}, {@code 1e3}, {@code Double}, {@code BigDecimal}) are
 * refused rather than rounded. Lone surrogates have no UTF-8 form. Duplicate keys would let two
 * readers see different values in the same bytes. The nesting limit {@link #MAX_DEPTH} stops
 * stack-exhaustion attacks and cyclic Java structures; it is the same for writing and reading, so
 * whatever is written can be read back.
 *
 * <p>Every refusal is a {@link CanonicalJsonException} naming the problem and the JSON path (and,
 * when parsing, the byte offset). All methods are thread-safe.
 */
public final class CanonicalJson {
  /** The largest integer magnitude accepted: 2^53-1, the largest an IEEE double holds exactly. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  /** The deepest nesting of objects and arrays accepted; a top-level container is depth 1. */
  public static final int MAX_DEPTH = 64;

  private CanonicalJson() {}

  /**
   * The RFC 8785 canonical UTF-8 form of {@code value}: object keys sorted by UTF-16 code units, no
   * white space, integers in plain decimal, strings escaped as ECMAScript {@code JSON.stringify}
   * does (only {@code "}, {@code \} and U+0000..U+001F; {@code \b \t \n \f \r} in short form, other
   * controls as lowercase <code>&#92;u00xx</code>; everything else, including U+007F, U+2028 and
   * U+2029, as literal UTF-8).
   *
   * @throws CanonicalJsonException for a float ({@code Double}, {@code Float}, {@code BigDecimal}),
   *     an integer beyond ±(2^53-1), a lone surrogate in a string or key, a map key that is not a
   *     {@code String}, nesting deeper than {@link #MAX_DEPTH}, or any other Java type
   */
  public static byte[] serialize(Object value) {
    ByteSink sink = new ByteSink(128);
    CanonicalWriter.write(value, sink);
    return sink.toByteArray();
  }

  /**
   * Appends the canonical form of {@code value} to {@code sink}, as {@link #serialize(Object)}
   * would return it. On refusal {@code sink} is left exactly as it was.
   *
   * @throws CanonicalJsonException as {@link #serialize(Object)}
   */
  public static void serialize(Object value, ByteSink sink) {
    CanonicalWriter.write(value, sink);
  }

  /**
   * Parses strict RFC 8259 JSON from UTF-8 bytes into the value model above. Any JSON value may be
   * at the top level; white space (space, tab, CR, LF) is allowed between tokens.
   *
   * @throws CanonicalJsonException naming the byte offset, path and problem for: invalid UTF-8
   *     (including overlong forms, encoded surrogates, a byte order mark), a duplicate key, any
   *     fraction or exponent (even {@code 1.0}), a leading zero, an integer beyond ±(2^53-1), an
   *     escape of a lone surrogate, an unescaped control character in a string, a trailing comma,
   *     nesting deeper than {@link #MAX_DEPTH}, or anything after the value. {@code -0} is accepted
   *     as 0 (and so is not canonical).
   */
  public static Object parse(byte[] utf8) {
    return StrictJsonParser.parse(utf8, false);
  }

  /**
   * Parses {@code utf8} as {@link #parse(byte[])} does, and accepts it only if it is exactly the
   * canonical form of its value: {@code serialize(parseCanonical(b))} equals {@code b} for every
   * {@code b} it returns for. One pass, with no re-serialisation: this is how stored leaves are
   * read, so it is on {@code verify}'s hot path. {@link #isCanonical} is the plain
   * serialise-and-compare definition it is tested against.
   *
   * @throws CanonicalJsonException as {@link #parse(byte[])}, and also, with {@link
   *     CanonicalJsonException#isNonCanonicalForm()} true, for white space, keys out of order,
   *     {@code -0}, or an escape the canonical form does not use
   */
  public static Object parseCanonical(byte[] utf8) {
    return StrictJsonParser.parse(utf8, true);
  }

  /**
   * Parses JSON text as {@link #parse(byte[])} does its UTF-8 encoding; error offsets count bytes
   * of that encoding.
   *
   * @throws CanonicalJsonException also if {@code json} holds a lone surrogate
   */
  public static Object parse(String json) {
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < json.length()
            && Character.isLowSurrogate(json.charAt(i + 1))) {
          i++;
        } else {
          throw new CanonicalJsonException(
              "lone surrogate " + codePoint(c) + " at char index " + i + " of the text",
              JsonPath.ROOT,
              json.substring(0, i).getBytes(StandardCharsets.UTF_8).length);
        }
      }
    }
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code utf8} is exactly the canonical form of the value it encodes: strict JSON as
   * {@link #parse(byte[])} accepts it, and byte-for-byte what {@link #serialize(Object)} writes.
   * Returns false, never throws, for anything else (invalid JSON included).
   */
  public static boolean isCanonical(byte[] utf8) {
    Object value;
    try {
      value = parse(utf8);
    } catch (CanonicalJsonException e) {
      return false;
    }
    ByteSink sink = new ByteSink(utf8.length);
    CanonicalWriter.write(value, sink);
    return sink.contentEquals(utf8);
  }

  static String outOfRange(String integer) {
    String shown =
        integer.length() <= 40
            ? integer
            : integer.substring(0, 24) + "... (" + integer.length() + " chars)";
    return "integer " + shown + " is out of range (|n| must be <= 2^53-1)";
  }

  static String tooDeep() {
    return "nesting deeper than " + MAX_DEPTH + " is refused";
  }

  static String codePoint(int c) {
    return String.format("U+%04X", c);
  }
}
