package io.accessledger.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing into the value model, nesting limits, and the canonical-form check. */
class CanonicalJsonParseTest {

  private static CanonicalJsonException refusal(String json) {
    try {
      CanonicalJson.parse(json);
    } catch (CanonicalJsonException e) {
      return e;
    }
    throw new AssertionError("not refused: " + json);
  }

  @Test
  void returnsThePlainJavaModel() {
    Object parsed =
        CanonicalJson.parse(
            "{\"s\":\"x\",\"n\":-5,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,{}]}");
    assertThat(parsed).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) parsed;
    assertThat(map.get("s")).isEqualTo("x");
    assertThat(map.get("n")).isInstanceOf(Long.class).isEqualTo(-5L);
    assertThat(map.get("t")).isEqualTo(Boolean.TRUE);
    assertThat(map.get("f")).isEqualTo(Boolean.FALSE);
    assertThat(map.get("z")).isSameAs(JsonNull.INSTANCE);
    assertThat(map.get("a")).isEqualTo(List.of(1L, Map.of()));
    assertThat(map.containsValue(null)).isFalse();
  }

  @Test
  void tellsUnrepresentableValuesApartFromMalformedInput() {
    assertThat(refusal("{\"n\":1.5}").isWellFormed()).isTrue();
    assertThat(refusal("{\"n\":1e3}").isWellFormed()).isTrue();
    assertThat(refusal("{\"n\":9007199254740992}").isWellFormed()).isTrue();
    assertThat(refusal("[\"\\ud800\"]").isWellFormed()).isTrue();
    assertThat(refusal("{\"n\":1,}").isWellFormed()).isFalse();
    assertThat(refusal("{\"n\":1,\"n\":2}").isWellFormed()).isFalse();
    assertThat(refusal("{\"n\":01}").isWellFormed()).isFalse();
    assertThat(refusal("{\"n\"").isWellFormed()).isFalse();
  }

  @Test
  void keepsInputOrderAndIsUnmodifiable() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map =
        (Map<String, Object>) CanonicalJson.parse("{\"b\":1,\"a\":[2],\"c\":{}}");
    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThatThrownBy(() -> map.put("d", 1L)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) map.get("a");
    assertThatThrownBy(() -> list.add(3L)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> empty = (Map<String, Object>) map.get("c");
    assertThatThrownBy(() -> empty.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void decodesEveryShortEscapeAndUnicodeEscapes() {
    assertThat(CanonicalJson.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")).isEqualTo("\"\\/\b\f\n\r\t");
    assertThat(CanonicalJson.parse("\"\\u0000\\u001f\\u00E9\\uffff\\ud83d\\ude00\""))
        .isEqualTo("\u0000\u001f\u00e9\uffff\ud83d\ude00");
    assertThat(CanonicalJson.parse("\"a\u00e9\u65e5\ud83d\ude00\\n\""))
        .isEqualTo("a\u00e9\u65e5\ud83d\ude00\n");
  }

  @Test
  void refusesEveryUnescapedControlCharacterButAcceptsDel() {
    for (char c = 0; c < 0x20; c++) {
      CanonicalJsonException e = refusal("[\"ab" + c + "\"]");
      assertThat(e.problem())
          .isEqualTo(String.format("control character U+%04X must be escaped", (int) c));
      assertThat(e.offset()).isEqualTo(4);
      assertThat(e.path()).isEqualTo("$[0]");
    }
    assertThat(CanonicalJson.parse("\"\u007f\"")).isEqualTo("\u007f");
  }

  @Test
  void acceptsNestingUpToTheLimit() {
    String deepest = "[".repeat(64) + "]".repeat(64);
    assertThat(CanonicalJson.isCanonical(deepest.getBytes(StandardCharsets.UTF_8))).isTrue();
    String deepObjects = "{\"a\":".repeat(63) + "[1]" + "}".repeat(63);
    assertThat(CanonicalJson.serialize(CanonicalJson.parse(deepObjects)))
        .isEqualTo(deepObjects.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesDepthBombsWithoutExhaustingTheStack() {
    CanonicalJsonException e = refusal("[".repeat(65) + "]".repeat(65));
    assertThat(e.problem()).isEqualTo("nesting deeper than 64 is refused");
    assertThat(e.offset()).isEqualTo(64);
    assertThat(e.path()).isEqualTo("$" + "[0]".repeat(64));

    CanonicalJsonException bomb = refusal("[".repeat(1_000_000));
    assertThat(bomb.problem()).isEqualTo("nesting deeper than 64 is refused");
    assertThat(bomb.offset()).isEqualTo(64);

    CanonicalJsonException objects = refusal("{\"k\":".repeat(100_000));
    assertThat(objects.problem()).isEqualTo("nesting deeper than 64 is refused");
    assertThat(objects.offset()).isEqualTo(64 * 5);
    assertThat(objects.path()).isEqualTo("$" + ".k".repeat(64));
  }

  @Test
  void reportsPathsThroughArraysAndOddKeys() {
    CanonicalJsonException e =
        refusal("{\"event\":{\"subjects\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":1.5}]}}");
    assertThat(e.path()).isEqualTo("$.event.subjects[2].id");
    assertThat(e.getMessage())
        .isEqualTo(
            "floats are refused, found '.' in a number at byte 51, path $.event.subjects[2].id");

    assertThat(refusal("{\"links\":{\"subject:a\\\"b\":01}}").path())
        .isEqualTo("$.links[\"subject:a\\\"b\"]");
    assertThat(refusal("{\"" + "k".repeat(100) + "\":01}").path())
        .isEqualTo("$[\"" + "k".repeat(64) + "...\"]");
  }

  @Test
  void parseOfStringRefusesLoneSurrogatesAndCountsUtf8Offsets() {
    CanonicalJsonException e = refusal("[\"\u00e9\", \"\ud800\"]");
    assertThat(e.problem()).isEqualTo("lone surrogate U+D800 at char index 7 of the text");
    assertThat(e.offset()).isEqualTo(8);

    CanonicalJsonException f = refusal("[\"\u00e9\ud83d\ude00\", 1.5]");
    assertThat(f.offset()).isEqualTo(12);
    assertThat(CanonicalJson.parse("\"\ud83d\ude00\"")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void isCanonicalAcceptsOnlyTheExactCanonicalBytes() {
    assertThat(canonical("{\"a\":1,\"b\":[true,null,\"\u00e9\"]}")).isTrue();
    assertThat(canonical("{\"b\":1,\"a\":1}")).as("unsorted").isFalse();
    assertThat(canonical("{\"a\": 1}")).as("white space").isFalse();
    assertThat(canonical("{\"a\":1}\n")).as("trailing newline").isFalse();
    assertThat(canonical("\"\\u00e9\"")).as("needless escape").isFalse();
    assertThat(canonical("\"\\/\"")).as("escaped solidus").isFalse();
    assertThat(canonical("\"\\u001F\"")).as("upper-case hex").isFalse();
    assertThat(canonical("\"\\u000a\"")).as("long form of \\n").isFalse();
    assertThat(canonical("-0")).as("minus zero").isFalse();
    assertThat(canonical("1.0")).as("float").isFalse();
    assertThat(canonical("{\"a\":1,\"a\":1}")).as("duplicate").isFalse();
    assertThat(canonical("")).as("empty").isFalse();
  }

  private static boolean canonical(String json) {
    return CanonicalJson.isCanonical(json.getBytes(StandardCharsets.UTF_8));
  }
}
