package io.accessledger.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The one escaper of untrusted text: nothing it renders can end, forge or reorder a line. */
class JsonPathTest {
  static Stream<Arguments> untrusted() {
    return Stream.of(
        Arguments.of("a newline", "a\nb", "\"a\\u000ab\""),
        Arguments.of("a carriage return", "a\rb", "\"a\\u000db\""),
        Arguments.of("an escape sequence", "\u001b[31m", "\"\\u001b[31m\""),
        Arguments.of("DEL", "a\u007fb", "\"a\\u007fb\""),
        Arguments.of("a C1 control (NEL)", "a\u0085b", "\"a\\u0085b\""),
        Arguments.of("a right-to-left override", "a\u202eb", "\"a\\u202eb\""),
        Arguments.of("a first-strong isolate", "a\u2068b", "\"a\\u2068b\""),
        Arguments.of("a zero-width joiner", "a\u200db", "\"a\\u200db\""),
        Arguments.of("a line separator", "a\u2028b", "\"a\\u2028b\""),
        Arguments.of("a paragraph separator", "a\u2029b", "\"a\\u2029b\""),
        Arguments.of("a quote and a backslash", "a\"b\\c", "\"a\\\"b\\\\c\""),
        Arguments.of("plain accented text", "Si\u00e2n \u00d3", "\"Si\u00e2n \u00d3\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("untrusted")
  void escapesWhatCouldForgeOrHideALine(String what, String text, String shown) {
    assertThat(JsonPath.quoted(text)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an identifier at the start | | id | id",
      "an identifier after the root | $ | id | $.id",
      "an odd key | $ | la-code | $[\"la-code\"]",
      "an odd key at the start | | la-code | [\"la-code\"]"})
  void rendersPaths(String what, String start, String key, String path) {
    StringBuilder sb = new StringBuilder(start == null ? "" : start);
    JsonPath.appendKey(sb, key);
    assertThat(sb).hasToString(path);
  }

  @org.junit.jupiter.api.Test
  void cutsLongTextAndEscapesSurrogates() {
    assertThat(JsonPath.quoted("k".repeat(65))).isEqualTo("\"" + "k".repeat(64) + "...\"");
    assertThat(JsonPath.quoted("\ud83d")).isEqualTo("\"\\ud83d\"");
  }
}
