package io.accessledger.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CanonicalJson#parseCanonical}, the one-pass check that reads stored leaves, against the
 * plain definition {@link CanonicalJson#isCanonical} (parse, serialise, compare): they must accept
 * exactly the same inputs, and what the fast one accepts must parse to the same value.
 */
class CanonicalParseCrossCheckTest {
  private static final int TREES = 1_500;
  private static final byte[] NOISE = {
    ' ', '\n', '\\', '"', '/', 'u', 'A', 'a', '0', '-', ',', ':', '{', '}', '[', ']', (byte) 0xc3,
    (byte) 0xa9, 0x1f, 'e', '.'
  };

  @ParameterizedTest
  @ValueSource(strings = {
    "{\"a\":1,\"b\":[true,null,\"\u00e9\"]}",
    "{\"b\":1,\"a\":1}",
    "{\"a\": 1}",
    "{\"a\":1}\n",
    " 1",
    "\"\\u00e9\"",
    "\"\\/\"",
    "\"\\u001F\"",
    "\"\\u001f\"",
    "\"\\u000a\"",
    "\"\\u0022\"",
    "\"\\u005c\"",
    "\"\\ud83d\\ude00\"",
    "\"\\ud800\"",
    "\"\\b\\t\\n\\f\\r\\\"\\\\\"",
    "-0",
    "0",
    "-1",
    "1.0",
    "1e3",
    "01",
    "{\"a\":1,\"a\":1}",
    "{\"\":0,\"a\":{}}",
    "{\"\ud83d\ude00\":1,\"\uffff\":2}",
    "{\"\uffff\":2,\"\ud83d\ude00\":1}",
    "[]",
    "[1,]",
    "",
    "\"\u007f\u2028\""
  })
  void agreesWithSerialiseAndCompareOnHandPickedCases(String json) {
    assertAgree(json.getBytes(StandardCharsets.UTF_8), json);
  }

  @Test
  void keysOrderByUtf16CodeUnitsNotCodePoints() {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FFFF in UTF-16 though its code
    // point is larger: canonical order puts it first.
    byte[] ordered = "{\"\ud83d\ude00\":1,\"\uffff\":2}".getBytes(StandardCharsets.UTF_8);
    assertThat(CanonicalJson.parseCanonical(ordered)).isEqualTo(CanonicalJson.parse(ordered));
    byte[] codePointOrder = "{\"\uffff\":2,\"\ud83d\ude00\":1}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CanonicalJson.parseCanonical(codePointOrder))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageContaining("out of order");
  }

  @Test
  void namesWhyBytesAreNotCanonicalAndMarksTheFormAsTheOnlyProblem() {
    assertNotCanonical("{\"a\": 1}", "white space between tokens", 5);
    assertNotCanonical("{\"b\":1,\"a\":1}", "key \"a\" is out of order after \"b\" (keys sort by UTF-16 code units)", 7);
    assertNotCanonical("-0", "-0 is written 0", 0);
    assertNotCanonical("\"\\/\"", "'/' is written unescaped", 1);
    assertNotCanonical("\"\\u0041\"", "U+0041 is written unescaped", 1);
    assertNotCanonical("\"\\u000a\"", "U+000A is written as a short escape", 1);
    assertNotCanonical("\"\\u001F\"", "\\u escapes are written in lowercase hex", 1);

    CanonicalJsonException invalid = refused("{\"a\":1,}");
    assertThat(invalid.isNonCanonicalForm()).as("invalid JSON is not a mere form problem").isFalse();
    // Invalid JSON after a form problem is still invalid JSON: the worse problem is named.
    CanonicalJsonException both = refused("{\"a\": 1,}");
    assertThat(both.isNonCanonicalForm()).isFalse();
    assertThat(both.problem()).isEqualTo("trailing comma is refused");
    CanonicalJsonException truncated = refused("{\"event\": {");
    assertThat(truncated.isNonCanonicalForm()).isFalse();
    // The first form problem is the one named, with its own offset.
    assertNotCanonical("{\"b\":1, \"a\":1}", "white space between tokens", 7);
    assertNotCanonical("\"\\ud83d\\ude00\"", "U+1F600 is written unescaped", 1);
    CanonicalJsonException lone = refused("\"\\udc00\"");
    assertThat(lone.isNonCanonicalForm()).as("a lone surrogate is refused outright").isFalse();
    assertThat(lone.isWellFormed()).isTrue();
  }

  @Test
  void randomTreesTheirNoisyFormsAndMutationsAreJudgedAlike() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int accepted = 0;
    int refused = 0;
    for (int t = 0; t < TREES; t++) {
      Object value = CanonicalJsonRandomTest.randomValue(random, 0);
      byte[] canonical = CanonicalJson.serialize(value);
      String context = "seed " + seed + ", tree " + t;
      assertThat(CanonicalJson.parseCanonical(canonical))
          .as(context)
          .isEqualTo(CanonicalJson.parse(canonical));
      assertAgree(
          CanonicalJsonRandomTest.noisy(value, random).getBytes(StandardCharsets.UTF_8), context);
      for (int m = 0; m < 8; m++) {
        byte[] mutated = mutate(canonical, random);
        if (assertAgree(mutated, context + ", mutation " + m)) {
          accepted++;
        } else {
          refused++;
        }
      }
    }
    // Both outcomes must actually be exercised, or the cross-check proves little.
    assertThat(accepted).as("mutations still canonical").isGreaterThan(100);
    assertThat(refused).as("mutations refused").isGreaterThan(1_000);
  }

  /** One random edit: a byte replaced, inserted or deleted, or two bytes swapped. */
  private static byte[] mutate(byte[] in, Random r) {
    int at = in.length == 0 ? 0 : r.nextInt(in.length);
    byte noise = NOISE[r.nextInt(NOISE.length)];
    switch (r.nextInt(4)) {
      case 0:
        if (in.length == 0) {
          return new byte[] {noise};
        }
        byte[] replaced = in.clone();
        replaced[at] = noise;
        return replaced;
      case 1:
        byte[] inserted = new byte[in.length + 1];
        System.arraycopy(in, 0, inserted, 0, at);
        inserted[at] = noise;
        System.arraycopy(in, at, inserted, at + 1, in.length - at);
        return inserted;
      case 2:
        if (in.length == 0) {
          return in;
        }
        byte[] deleted = new byte[in.length - 1];
        System.arraycopy(in, 0, deleted, 0, at);
        System.arraycopy(in, at + 1, deleted, at, in.length - at - 1);
        return deleted;
      default:
        byte[] swapped = in.clone();
        int other = in.length == 0 ? 0 : r.nextInt(in.length);
        if (in.length > 0) {
          swapped[at] = in[other];
          swapped[other] = in[at];
        }
        return swapped;
    }
  }

  /** Asserts both judgements agree on {@code bytes}; returns whether they accept it. */
  private static boolean assertAgree(byte[] bytes, String context) {
    boolean reference = CanonicalJson.isCanonical(bytes);
    Object fast;
    try {
      fast = CanonicalJson.parseCanonical(bytes);
    } catch (CanonicalJsonException e) {
      assertThat(reference)
          .as(context + ": parseCanonical refused " + Arrays.toString(bytes) + " (" + e.getMessage()
              + ") but it is canonical")
          .isFalse();
      return false;
    }
    assertThat(reference)
        .as(context + ": parseCanonical accepted non-canonical " + Arrays.toString(bytes))
        .isTrue();
    assertThat(fast).as(context).isEqualTo(CanonicalJson.parse(bytes));
    return true;
  }

  private static void assertNotCanonical(String json, String problem, long offset) {
    CanonicalJsonException e = refused(json);
    assertThat(e.problem()).isEqualTo("not canonical: " + problem);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.isNonCanonicalForm()).isTrue();
    assertThat(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8)))
        .as("strict JSON all the same")
        .isNotNull();
  }

  private static CanonicalJsonException refused(String json) {
    try {
      CanonicalJson.parseCanonical(json.getBytes(StandardCharsets.UTF_8));
    } catch (CanonicalJsonException e) {
      return e;
    }
    throw new AssertionError("parseCanonical accepted " + json);
  }
}
