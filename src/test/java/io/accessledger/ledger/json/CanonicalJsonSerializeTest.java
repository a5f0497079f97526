package io.accessledger.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Serialising Java values: exact canonical bytes, and exact refusals with their JSON paths. */
class CanonicalJsonSerializeTest {

  private static String canonical(Object value) {
    return new String(CanonicalJson.serialize(value), StandardCharsets.UTF_8);
  }

  private static void assertRefused(Object value, String problem, String path) {
    assertThatThrownBy(() -> CanonicalJson.serialize(value))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(problem);
              assertThat(e.path()).isEqualTo(path);
              assertThat(e.offset()).isEqualTo(-1);
              assertThat(e.getMessage()).isEqualTo(problem + " at " + path);
            });
  }

  @Test
  void sortsKeysByUtf16CodeUnitsAsInRfc8785Section323() {
    Map<String, Object> map = new HashMap<>();
    map.put("\u20ac", "Euro Sign");
    map.put("\r", "Carriage Return");
    map.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
    map.put("1", "One");
    map.put("\ud83d\ude00", "Emoji: Grinning Face");
    map.put("\u0080", "Control");
    map.put("\u00f6", "Latin Small Letter O With Diaeresis");

    assertThat(canonical(map))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void surrogatePairKeySortsBeforeHighBmpKeyUnlikeCodePointOrder() {
    // U+1F600 is above U+FB33 as a code point, but its first UTF-16 unit 0xD83D is below 0xFB33.
    Map<String, Object> map = Map.of("\ufb33", 1L, "\ud83d\ude00", 2L, "\uffff", 3L);
    assertThat(CanonicalJson.serialize(map))
        .isEqualTo(
            new byte[] {
              '{',
              '"',
              (byte) 0xf0,
              (byte) 0x9f,
              (byte) 0x98,
              (byte) 0x80,
              '"',
              ':',
              '2',
              ',',
              '"',
              (byte) 0xef,
              (byte) 0xac,
              (byte) 0xb3,
              '"',
              ':',
              '1',
              ',',
              '"',
              (byte) 0xef,
              (byte) 0xbf,
              (byte) 0xbf,
              '"',
              ':',
              '3',
              '}'
            });
  }

  @Test
  void sortsKeysRegardlessOfTheMapsOwnOrder() {
    TreeMap<String, Object> reversed = new TreeMap<>(Collections.reverseOrder());
    reversed.put("a", 1L);
    reversed.put("B", 2L);
    reversed.put("b", 3L);
    reversed.put("", 4L);
    assertThat(canonical(reversed)).isEqualTo("{\"\":4,\"B\":2,\"a\":1,\"b\":3}");

    TreeMap<String, Object> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseInsensitive.put("b", 1L);
    caseInsensitive.put("A", 2L);
    caseInsensitive.put("a_", 3L);
    assertThat(canonical(caseInsensitive)).isEqualTo("{\"A\":2,\"a_\":3,\"b\":1}");
  }

  @Test
  void escapesEveryControlCharacterAsJsonStringifyDoes() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    assertThat(canonical(all.toString()))
        .isEqualTo(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
                + "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
                + "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"");
  }

  @Test
  void escapesQuoteAndBackslashOnly() {
    assertThat(canonical("say \"hi\" \\ there")).isEqualTo("\"say \\\"hi\\\" \\\\ there\"");
    assertThat(canonical("a/b</script>")).isEqualTo("\"a/b</script>\"");
    assertThat(canonical(" !#$%&'()*+,-.09:;<=>?@AZ[]^_`az{|}~"))
        .isEqualTo("\" !#$%&'()*+,-.09:;<=>?@AZ[]^_`az{|}~\"");
  }

  @Test
  void writesNonAsciiAsLiteralUtf8() {
    assertThat(CanonicalJson.serialize("\u00e9"))
        .isEqualTo(new byte[] {'"', (byte) 0xc3, (byte) 0xa9, '"'});
    assertThat(CanonicalJson.serialize("\u65e5\u672c"))
        .isEqualTo(
            new byte[] {
              '"', (byte) 0xe6, (byte) 0x97, (byte) 0xa5, (byte) 0xe6, (byte) 0x9c, (byte) 0xac, '"'
            });
    assertThat(CanonicalJson.serialize("\ud83d\ude00"))
        .isEqualTo(new byte[] {'"', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"'});
    assertThat(CanonicalJson.serialize("\u007f\u0080\u07ff\u0800\uffff"))
        .isEqualTo(
            new byte[] {
              '"',
              0x7f,
              (byte) 0xc2,
              (byte) 0x80,
              (byte) 0xdf,
              (byte) 0xbf,
              (byte) 0xe0,
              (byte) 0xa0,
              (byte) 0x80,
              (byte) 0xef,
              (byte) 0xbf,
              (byte) 0xbf,
              '"'
            });
  }

  @Test
  void writesLineAndParagraphSeparatorsLiterally() {
    assertThat(CanonicalJson.serialize("\u2028\u2029"))
        .isEqualTo(
            new byte[] {
              '"', (byte) 0xe2, (byte) 0x80, (byte) 0xa8, (byte) 0xe2, (byte) 0x80, (byte) 0xa9, '"'
            });
  }

  @Test
  void mixesAsciiEscapesAndNonAsciiInOneString() {
    assertThat(canonical("caf\u00e9\n\"\u65e5\"\t\ud83d\ude00!"))
        .isEqualTo("\"caf\u00e9\\n\\\"\u65e5\\\"\\t\ud83d\ude00!\"");
  }

  @Test
  void writesIntegersInPlainDecimal() {
    assertThat(canonical(List.of(0L, -1L, 1L, 10L, -10L, 1234567890L)))
        .isEqualTo("[0,-1,1,10,-10,1234567890]");
    assertThat(canonical(9007199254740991L)).isEqualTo("9007199254740991");
    assertThat(canonical(-9007199254740991L)).isEqualTo("-9007199254740991");
    assertThat(canonical(CanonicalJson.MAX_SAFE_INTEGER)).isEqualTo("9007199254740991");
  }

  @Test
  void acceptsSmallerIntegerTypesAndBigIntegerInRange() {
    assertThat(canonical(List.of(7, (short) -3, (byte) 127, Integer.MIN_VALUE)))
        .isEqualTo("[7,-3,127,-2147483648]");
    assertThat(canonical(BigInteger.valueOf(9007199254740991L))).isEqualTo("9007199254740991");
    assertThat(canonical(BigInteger.valueOf(-9007199254740991L))).isEqualTo("-9007199254740991");
  }

  @Test
  void refusesIntegersBeyondTwoToThe53MinusOne() {
    assertRefused(
        9007199254740992L, "integer 9007199254740992 is out of range (|n| must be <= 2^53-1)", "$");
    assertRefused(
        -9007199254740992L,
        "integer -9007199254740992 is out of range (|n| must be <= 2^53-1)",
        "$");
    assertRefused(
        Long.MIN_VALUE,
        "integer -9223372036854775808 is out of range (|n| must be <= 2^53-1)",
        "$");
    assertRefused(
        Map.of("n", BigInteger.ONE.shiftLeft(53)),
        "integer 9007199254740992 is out of range (|n| must be <= 2^53-1)",
        "$.n");
    assertRefused(
        List.of(BigInteger.TEN.pow(30).negate()),
        "integer -1000000000000000000000000000000 is out of range (|n| must be <= 2^53-1)",
        "$[0]");
  }

  @Test
  void refusesFloatsOfEveryJavaType() {
    assertRefused(1.5, "floats are refused: Double 1.5", "$");
    assertRefused(1.0, "floats are refused: Double 1.0", "$");
    assertRefused(1.0f, "floats are refused: Float 1.0", "$");
    assertRefused(Double.NaN, "floats are refused: Double NaN", "$");
    assertRefused(new BigDecimal("10"), "floats are refused: BigDecimal 10", "$");
    assertRefused(
        Map.of("event", Map.of("amount", 2.5)), "floats are refused: Double 2.5", "$.event.amount");
  }

  @Test
  void namesTheJsonPathOfADeepRefusal() {
    Map<String, Object> event =
        Map.of(
            "event",
            Map.of(
                "type",
                "SHARE_DECISION",
                "subjects",
                List.of(Map.of("id", "a"), Map.of("id", "b"), Map.of("id", 0.5))));
    assertRefused(event, "floats are refused: Double 0.5", "$.event.subjects[2].id");

    assertRefused(
        Map.of("links", Map.of("subject:x y", 1.5)),
        "floats are refused: Double 1.5",
        "$.links[\"subject:x y\"]");
  }

  @Test
  void refusesLoneSurrogatesInStringsAndKeys() {
    assertRefused("a\ud800b", "lone surrogate U+D800 in string", "$");
    assertRefused("\udc00", "lone surrogate U+DC00 in string", "$");
    assertRefused("end\ud83d", "lone surrogate U+D83D in string", "$");
    assertRefused("\ude00\ud83d", "lone surrogate U+DE00 in string", "$");
    assertRefused(List.of("ok", "x\udfff"), "lone surrogate U+DFFF in string", "$[1]");
    assertRefused(Map.of("k\ud800", 1L), "lone surrogate U+D800 in key", "$[\"k\\ud800\"]");
  }

  @Test
  void refusesNonStringKeysAndUnsupportedTypes() {
    assertRefused(Map.of(1, "x"), "map key must be a String, got java.lang.Integer", "$");
    Map<Object, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    assertRefused(Map.of("m", nullKey), "map key must be a String, got null", "$.m");
    assertRefused(Set.of("a"), "unsupported type " + Set.of("a").getClass().getName(), "$");
    assertRefused(
        Map.of("when", java.time.Instant.EPOCH), "unsupported type java.time.Instant", "$.when");
    assertRefused(
        new AtomicLong(1), "unsupported type java.util.concurrent.atomic.AtomicLong", "$");
    assertRefused('c', "unsupported type java.lang.Character", "$");
    assertRefused(new String[] {"a"}, "unsupported type [Ljava.lang.String;", "$");
  }

  @Test
  void refusesEqualKeysFromAnIdentityMap() {
    Map<String, Object> identity = new java.util.IdentityHashMap<>();
    identity.put("id", 1L);
    identity.put(new String("id"), 2L);
    assertRefused(Map.of("x", identity), "duplicate key \"id\"", "$.x");
  }

  @Test
  void writesLiteralsAndAcceptsJavaNullAsJsonNull() {
    assertThat(canonical(JsonNull.INSTANCE)).isEqualTo("null");
    assertThat(canonical(null)).isEqualTo("null");
    assertThat(canonical(Arrays.asList(null, true, false, JsonNull.INSTANCE)))
        .isEqualTo("[null,true,false,null]");
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("b", null);
    withNull.put("a", JsonNull.INSTANCE);
    assertThat(canonical(withNull)).isEqualTo("{\"a\":null,\"b\":null}");
  }

  @Test
  void writesNestedAndEmptyContainers() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", Map.of());
    value.put("y", List.of());
    value.put("x", List.of(List.of(), Map.of("b", List.of(1L, Map.of("d", 2L, "c", 3L)))));
    value.put("a", new LinkedList<>(List.of("l", "m")));
    assertThat(canonical(value))
        .isEqualTo(
            "{\"a\":[\"l\",\"m\"],\"x\":[[],{\"b\":[1,{\"c\":3,\"d\":2}]}],\"y\":[],\"z\":{}}");
    assertThat(canonical(Map.of())).isEqualTo("{}");
    assertThat(canonical(List.of())).isEqualTo("[]");
    assertThat(canonical("")).isEqualTo("\"\"");
  }

  @Test
  void refusesNestingDeeperThanTheLimitIncludingCycles() {
    Object value = 1L;
    for (int i = 0; i < CanonicalJson.MAX_DEPTH; i++) {
      value = List.of(value);
    }
    assertThat(canonical(value)).startsWith("[".repeat(64) + "1]");

    Object tooDeep = List.of(value);
    assertThatThrownBy(() -> CanonicalJson.serialize(tooDeep))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageStartingWith("nesting deeper than 64 is refused at $[0][0]");

    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> CanonicalJson.serialize(cycle))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class,
            e -> {
              assertThat(e.problem()).isEqualTo("nesting deeper than 64 is refused");
              assertThat(e.path()).isEqualTo("$" + "[0]".repeat(64));
            });
  }

  @Test
  void appendsIntoASinkAndLeavesItUntouchedOnRefusal() {
    ByteSink sink = new ByteSink(4);
    sink.appendAscii("{\"event\":");
    CanonicalJson.serialize(Map.of("b", "\u00e9", "a", List.of(1L)), sink);
    sink.appendAscii(",\"v\":");
    int before = sink.size();
    assertThatThrownBy(() -> CanonicalJson.serialize(List.of("fine", 1.5), sink))
        .isInstanceOf(CanonicalJsonException.class);
    assertThat(sink.size()).isEqualTo(before);
    CanonicalJson.serialize(1L, sink);
    sink.appendRaw(new byte[] {'}'});

    assertThat(sink.toString()).isEqualTo("{\"event\":{\"a\":[1],\"b\":\"\u00e9\"},\"v\":1}");
    assertThat(sink.toByteArray())
        .isEqualTo(
            CanonicalJson.serialize(
                Map.of("event", Map.of("b", "\u00e9", "a", List.of(1L)), "v", 1L)));
    assertThat(CanonicalJson.isCanonical(sink.toByteArray())).isTrue();
  }

  @Test
  void sinkRefusesNonAsciiInAppendAscii() {
    assertThatThrownBy(() -> new ByteSink().appendAscii("caf\u00e9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not ASCII at index 3: caf\u00e9");
  }

  @Test
  void growsForLongStrings() {
    String longAscii = "x".repeat(100_000);
    String longMixed = "\u00e9\n\ud83d\ude00".repeat(50_000);
    assertThat(canonical(longAscii)).isEqualTo("\"" + longAscii + "\"");
    assertThat(canonical(longMixed))
        .isEqualTo("\"" + "\u00e9\\n\ud83d\ude00".repeat(50_000) + "\"");
  }
}
