package io.accessledger.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text-in, bytes-out vectors: each valid input must canonicalise to exact bytes (and those bytes
 * must be a fixed point), and each mutated input must be refused with an exact problem, byte offset
 * and path.
 */
class CanonicalJsonVectorsTest {

  static Stream<Arguments> canonicalVectors() {
    return Stream.of(
        // RFC 8785 section 3.2.2's example, with its numbers replaced by integers.
        vector(
            "rfc8785 3.2.2 adapted",
            "{\n  \"numbers\": [333333333, 1000000000000000, 4, 2, 0],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}",
            "{\"literals\":[null,true,false],\"numbers\":[333333333,1000000000000000,4,2,0],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}"),
        // RFC 8785 section 3.2.3's sorting example.
        vector(
            "rfc8785 3.2.3 sorting",
            "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n}",
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"),
        vector(
            "whitespace everywhere",
            " \t\r\n{ \"b\" :\t[ 1 , 2 ] ,\n\"a\":{ } } \n",
            "{\"a\":{},\"b\":[1,2]}"),
        vector(
            "nested sort",
            "{\"z\":{\"z\":1,\"a\":2},\"a\":3}",
            "{\"a\":3,\"z\":{\"a\":2,\"z\":1}}"),
        vector("empty object", "{}", "{}"),
        vector("empty array", "[ ]", "[]"),
        vector("scalar string", "\"x\"", "\"x\""),
        vector("scalar zero", "0", "0"),
        vector("minus zero is zero", "-0", "0"),
        vector("max safe", "9007199254740991", "9007199254740991"),
        vector("min safe", "-9007199254740991", "-9007199254740991"),
        vector("literals", "[true,false,null]", "[true,false,null]"),
        vector("escaped solidus unescaped", "\"a\\/b\"", "\"a/b\""),
        vector("needless escapes removed", "\"\\u0041\\u00e9\\u65E5\"", "\"A\u00e9\u65e5\""),
        vector(
            "control escapes normalised",
            "\"\\u0008\\u0009\\u000A\\u000c\\u000D\\u001F\"",
            "\"\\b\\t\\n\\f\\r\\u001f\""),
        vector("del and separators literal", "\"\\u007f\\u2028\\u2029\"", "\"\u007f\u2028\u2029\""),
        vector("emoji escape to utf8", "\"\\uD83D\\uDE00\"", "\"\ud83d\ude00\""),
        vector(
            "raw utf8 kept",
            "\"caf\u00e9 \u65e5\u672c \ud83d\ude00\"",
            "\"caf\u00e9 \u65e5\u672c \ud83d\ude00\""),
        vector(
            "keys equal after unescape differ in sort",
            "{\"b\":1,\"\\u0061\":2}",
            "{\"a\":2,\"b\":1}"));
  }

  static Stream<Arguments> refusedVectors() {
    return Stream.of(
        // floats in every spelling
        refused("fraction", "1.5", "floats are refused, found '.' in a number", 1, "$"),
        refused("integral fraction", "1.0", "floats are refused, found '.' in a number", 1, "$"),
        refused("exponent", "1e3", "floats are refused, found 'e' in a number", 1, "$"),
        refused(
            "upper exponent", "[-2E+2]", "floats are refused, found 'E' in a number", 3, "$[0]"),
        refused(
            "rfc 3.2.2 original numbers",
            "{\"numbers\": [333333333.33333329, 1E30]}",
            "floats are refused, found '.' in a number",
            22,
            "$.numbers[0]"),
        refused("bare dot", ".5", "expected a value, found '.'", 0, "$"),
        // integer range and shape
        refused(
            "two to the 53",
            "9007199254740992",
            "integer 9007199254740992 is out of range (|n| must be <= 2^53-1)",
            0,
            "$"),
        refused(
            "minus two to the 53",
            "{\"n\":-9007199254740992}",
            "integer -9007199254740992 is out of range (|n| must be <= 2^53-1)",
            5,
            "$.n"),
        refused(
            "twenty digits",
            "[12345678901234567890]",
            "integer 12345678901234567890 is out of range (|n| must be <= 2^53-1)",
            1,
            "$[0]"),
        refused(
            "huge integer shortened in message",
            "-" + "9".repeat(1000),
            "integer -99999999999999999999999... (1001 chars) is out of range (|n| must be <="
                + " 2^53-1)",
            0,
            "$"),
        refused("leading zero", "01", "leading zeros are refused", 0, "$"),
        refused("negative leading zero", "[-01]", "leading zeros are refused", 1, "$[0]"),
        refused("double zero", "00", "leading zeros are refused", 0, "$"),
        refused("bare minus", "-", "expected a digit after '-', found end of input", 1, "$"),
        refused("minus letter", "-a", "expected a digit after '-', found 'a'", 1, "$"),
        refused("plus sign", "+1", "expected a value, found '+'", 0, "$"),
        refused("hex", "0x10", "trailing data after the JSON value, found 'x'", 1, "$"),
        // duplicates
        refused("duplicate key", "{\"a\":1,\"a\":2}", "duplicate key \"a\" is refused", 7, "$"),
        refused(
            "nested duplicate",
            "{\"x\":[{\"id\":1},{\"id\":2,\"id\":3}]}",
            "duplicate key \"id\" is refused",
            23,
            "$.x[1]"),
        refused(
            "duplicate after unescape",
            "{\"a\":1,\"\\u0061\":2}",
            "duplicate key \"a\" is refused",
            7,
            "$"),
        // structure
        refused("trailing comma object", "{\"a\":1,}", "trailing comma is refused", 7, "$"),
        refused("trailing comma array", "[1,2,]", "trailing comma is refused", 5, "$"),
        refused("leading comma array", "[,1]", "expected a value, found ','", 1, "$[0]"),
        refused("missing colon", "{\"a\" 1}", "expected ':' after key \"a\", found '1'", 5, "$"),
        refused(
            "missing comma",
            "[1 2]",
            "expected ',' or ']' after an array element, found '2'",
            3,
            "$"),
        refused(
            "missing comma object",
            "{\"a\":1 \"b\":2}",
            "expected ',' or '}' after an object member, found '\"'",
            7,
            "$"),
        refused("unquoted key", "{a:1}", "expected '\"' to start a key, found 'a'", 1, "$"),
        refused("single quotes", "['a']", "expected a value, found '''", 1, "$[0]"),
        refused(
            "unclosed object",
            "{\"a\":1",
            "expected ',' or '}' after an object member, found end of input",
            6,
            "$"),
        refused(
            "unclosed array",
            "[[1]",
            "expected ',' or ']' after an array element, found end of input",
            4,
            "$"),
        refused("empty input", "", "unexpected end of input, expected a value", 0, "$"),
        refused("only whitespace", " \n", "unexpected end of input, expected a value", 2, "$"),
        refused(
            "trailing garbage", "{} x", "trailing data after the JSON value, found 'x'", 3, "$"),
        refused("two values", "1 2", "trailing data after the JSON value, found '2'", 2, "$"),
        refused(
            "trailing nul",
            "{}\u0000",
            "trailing data after the JSON value, found byte 0x00",
            2,
            "$"),
        refused("bad literal", "[tru]", "invalid literal, expected 'true'", 1, "$[0]"),
        refused("capital literal", "True", "expected a value, found 'T'", 0, "$"),
        refused("nul literal", "{\"a\":nul}", "invalid literal, expected 'null'", 5, "$.a"),
        refused("comment", "[1]//", "trailing data after the JSON value, found '/'", 3, "$"),
        refused("non-breaking space", "[\u00a01]", "expected a value, found byte 0xC2", 1, "$[0]"),
        // strings
        refused("raw newline", "\"a\nb\"", "control character U+000A must be escaped", 2, "$"),
        refused(
            "raw tab in key", "{\"a\tb\":1}", "control character U+0009 must be escaped", 3, "$"),
        refused("raw nul", "[\"\u0000\"]", "control character U+0000 must be escaped", 2, "$[0]"),
        refused(
            "unterminated string",
            "\"abc",
            "unexpected end of input inside a string that starts at byte 0",
            4,
            "$"),
        refused(
            "unterminated non-ascii",
            "\"\u00e9",
            "unexpected end of input inside a string that starts at byte 0",
            3,
            "$"),
        refused("bad escape", "\"\\x\"", "invalid escape: backslash followed by 'x'", 1, "$"),
        refused(
            "single quote escape", "\"\\'\"", "invalid escape: backslash followed by '''", 1, "$"),
        refused(
            "short unicode escape",
            "\"\\u12\"",
            "invalid \\u escape, expected 4 hex digits",
            1,
            "$"),
        refused("bad hex", "\"\\u00g0\"", "invalid \\u escape, expected 4 hex digits", 1, "$"),
        refused("lone high surrogate", "\"\\ud800\"", "lone surrogate U+D800 in string", 1, "$"),
        refused(
            "lone low surrogate", "[\"x\\uDC00\"]", "lone surrogate U+DC00 in string", 3, "$[0]"),
        refused("high then ascii", "\"\\ud83dA\"", "lone surrogate U+D83D in string", 1, "$"),
        refused("high then high", "\"\\ud83d\\ud83d\"", "lone surrogate U+D83D in string", 1, "$"),
        refused("swapped pair", "\"\\ude00\\ud83d\"", "lone surrogate U+DE00 in string", 1, "$"),
        refused("lone surrogate key", "{\"\\udfff\":1}", "lone surrogate U+DFFF in string", 2, "$"),
        // invalid UTF-8 (hex input)
        refusedHex("bare continuation", "22 80 22", "invalid UTF-8 lead byte 0x80", 1, "$"),
        refusedHex("overlong slash", "22 c0 af 22", "invalid UTF-8 lead byte 0xC0", 1, "$"),
        refusedHex("overlong 2-byte", "22 c1 bf 22", "invalid UTF-8 lead byte 0xC1", 1, "$"),
        refusedHex(
            "overlong 3-byte",
            "22 e0 80 af 22",
            "invalid UTF-8 byte 0x80 after lead byte 0xE0",
            2,
            "$"),
        refusedHex(
            "overlong 4-byte",
            "22 f0 80 80 af 22",
            "invalid UTF-8 byte 0x80 after lead byte 0xF0",
            2,
            "$"),
        refusedHex(
            "encoded surrogate",
            "22 ed a0 80 22",
            "invalid UTF-8 byte 0xA0 after lead byte 0xED",
            2,
            "$"),
        refusedHex(
            "beyond U+10FFFF",
            "22 f4 90 80 80 22",
            "invalid UTF-8 byte 0x90 after lead byte 0xF4",
            2,
            "$"),
        refusedHex("F5 lead", "22 f5 80 80 80 22", "invalid UTF-8 lead byte 0xF5", 1, "$"),
        refusedHex("FF byte", "5b 22 ff 22 5d", "invalid UTF-8 lead byte 0xFF", 2, "$[0]"),
        refusedHex(
            "truncated euro",
            "22 e2 82 22",
            "invalid UTF-8 byte 0x22 after lead byte 0xE2",
            3,
            "$"),
        refusedHex(
            "truncated at end",
            "22 e2 82",
            "unexpected end of input inside a UTF-8 sequence",
            3,
            "$"),
        refusedHex(
            "utf8 in key",
            "7b 22 61 c3 28 22 3a 31 7d",
            "invalid UTF-8 byte 0x28 after lead byte 0xC3",
            4,
            "$"),
        refusedHex(
            "byte order mark", "ef bb bf 7b 7d", "expected a value, found byte 0xEF", 0, "$"),
        refusedHex(
            "latin-1 e-acute", "22 e9 22", "invalid UTF-8 byte 0x22 after lead byte 0xE9", 2, "$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonicalVectors")
  void canonicalisesToExactBytes(String name, byte[] input, byte[] expected) {
    byte[] actual = CanonicalJson.serialize(CanonicalJson.parse(input));
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
    assertThat(CanonicalJson.isCanonical(expected)).isTrue();
    assertThat(CanonicalJson.isCanonical(input))
        .isEqualTo(java.util.Arrays.equals(input, expected));
    assertThat(CanonicalJson.serialize(CanonicalJson.parse(expected))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedVectors")
  void refusesWithExactReason(String name, byte[] input, String problem, long offset, String path) {
    assertThatThrownBy(() -> CanonicalJson.parse(input))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(problem);
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.path()).isEqualTo(path);
              assertThat(e.getMessage())
                  .isEqualTo(problem + " at byte " + offset + ", path " + path);
            });
    assertThat(CanonicalJson.isCanonical(input)).isFalse();
  }

  private static Arguments vector(String name, String input, String expected) {
    return Arguments.of(name, utf8(input), utf8(expected));
  }

  private static Arguments refused(
      String name, String input, String problem, long offset, String path) {
    return Arguments.of(name, utf8(input), problem, offset, path);
  }

  private static Arguments refusedHex(
      String name, String hex, String problem, long offset, String path) {
    return Arguments.of(name, HexFormat.of().parseHex(hex.replace(" ", "")), problem, offset, path);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
