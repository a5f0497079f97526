package io.accessledger.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random value trees, checked three ways: serialize → parse → serialize is a fixed point; the
 * result equals a deliberately naive reference canonicaliser; and a noisy but valid rendering of
 * the same value (shuffled keys, white space, needless escapes) canonicalises to the same bytes.
 */
class CanonicalJsonRandomTest {
  private static final int TREES = 2_000;
  private static final String[] SAMPLES = {
    "\"",
    "\\",
    "/",
    "\u007f",
    "\u0080",
    "\u00e9",
    "\u2028",
    "\u2029",
    "\u65e5",
    "\ufb33",
    "\uffff",
    "\ud83d\ude00",
    "\udbff\udfff",
    "\ud800\udc00",
    "\u20ac"
  };

  @Test
  void randomTreesRoundTripAndMatchTheReference() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int t = 0; t < TREES; t++) {
      Object value = randomValue(random, 0);
      String context = "seed " + seed + ", tree " + t;
      try {
        check(value, random, context);
      } catch (RuntimeException e) {
        throw new AssertionError(context + ": " + e, e);
      }
    }
  }

  private static void check(Object value, Random random, String context) {
    byte[] canonical = CanonicalJson.serialize(value);
    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .as(context)
        .isEqualTo(reference(value));
    Object parsed = CanonicalJson.parse(canonical);
    assertThat(parsed).as(context).isEqualTo(normalise(value));
    assertThat(CanonicalJson.serialize(parsed)).as(context).isEqualTo(canonical);
    assertThat(CanonicalJson.isCanonical(canonical)).as(context).isTrue();

    String noisy = noisy(value, random);
    assertThat(CanonicalJson.serialize(CanonicalJson.parse(noisy)))
        .as(context + ", noisy form " + noisy)
        .isEqualTo(canonical);
  }

  static Object randomValue(Random r, int depth) {
    int kind = r.nextInt(depth >= 5 ? 6 : 8);
    switch (kind) {
      case 0:
        return randomString(r);
      case 1:
        return randomInteger(r);
      case 2:
        return r.nextBoolean();
      case 3:
        return r.nextInt(4) == 0 ? null : JsonNull.INSTANCE;
      case 4:
        return r.nextInt(3) == 0 ? (Object) r.nextInt() : BigInteger.valueOf(randomInteger(r));
      case 5:
        return randomString(r);
      case 6:
        {
          int n = r.nextInt(6);
          Map<String, Object> map = r.nextBoolean() ? new HashMap<>() : new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            map.put(randomString(r), randomValue(r, depth + 1));
          }
          return map;
        }
      default:
        {
          int n = r.nextInt(6);
          List<Object> list = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            list.add(randomValue(r, depth + 1));
          }
          return list;
        }
    }
  }

  private static long randomInteger(Random r) {
    switch (r.nextInt(4)) {
      case 0:
        return r.nextInt(21) - 10;
      case 1:
        return (r.nextBoolean() ? 1 : -1) * (CanonicalJson.MAX_SAFE_INTEGER - r.nextInt(3));
      default:
        return r.nextLong() % (CanonicalJson.MAX_SAFE_INTEGER + 1);
    }
  }

  private static String randomString(Random r) {
    int n = r.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int pick = r.nextInt(10);
      if (pick < 5) {
        sb.append((char) (0x20 + r.nextInt(0x5f)));
      } else if (pick == 5) {
        sb.append((char) r.nextInt(0x20));
      } else if (pick == 6) {
        char c;
        do {
          c = (char) (0x80 + r.nextInt(0xff80));
        } while (Character.isSurrogate(c));
        sb.append(c);
      } else if (pick == 7) {
        sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
      } else {
        sb.append(SAMPLES[r.nextInt(SAMPLES.length)]);
      }
    }
    return sb.toString();
  }

  /** The model a parser returns for {@code value}: Long integers, JsonNull for every null. */
  private static Object normalise(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    } else if (value instanceof Integer || value instanceof BigInteger) {
      return ((Number) value).longValue();
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new HashMap<>();
      map.forEach((k, v) -> out.put(k, normalise(v)));
      return out;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(normalise(v)));
      return out;
    }
    return value;
  }

  /** A naive RFC 8785 canonicaliser: easy to check by eye, slow, independent of the real one. */
  private static String reference(Object value) {
    if (value == null || value == JsonNull.INSTANCE) {
      return "null";
    } else if (value instanceof String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\b' -> sb.append("\\b");
          case '\t' -> sb.append("\\t");
          case '\n' -> sb.append("\\n");
          case '\f' -> sb.append("\\f");
          case '\r' -> sb.append("\\r");
          default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
      }
      return sb.append('"').toString();
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put((String) k, v));
      List<String> members = new ArrayList<>();
      sorted.forEach((k, v) -> members.add(reference(k) + ":" + reference(v)));
      return "{" + String.join(",", members) + "}";
    } else if (value instanceof List<?> list) {
      List<String> elements = new ArrayList<>();
      list.forEach(v -> elements.add(reference(v)));
      return "[" + String.join(",", elements) + "]";
    }
    return String.valueOf(value);
  }

  /** Valid, non-canonical JSON for {@code value}. */
  static String noisy(Object value, Random r) {
    String ws = new String[] {"", "", " ", "\n", "\t", "\r\n  "}[r.nextInt(6)];
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      Collections.shuffle(entries, r);
      List<String> members = new ArrayList<>();
      for (Map.Entry<?, ?> e : entries) {
        members.add(noisyString((String) e.getKey(), r) + ws + ":" + ws + noisy(e.getValue(), r));
      }
      return "{" + ws + String.join(ws + "," + ws, members) + ws + "}";
    } else if (value instanceof List<?> list) {
      List<String> elements = new ArrayList<>();
      list.forEach(v -> elements.add(noisy(v, r)));
      return ws + "[" + String.join("," + ws, elements) + "]" + ws;
    } else if (value instanceof String s) {
      return noisyString(s, r);
    } else if (Long.valueOf(0).equals(normalise(value)) && r.nextBoolean()) {
      return "-0";
    }
    return reference(value);
  }

  private static String noisyString(String s, Random r) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
      if (Character.isHighSurrogate(c)) {
        // A pair is escaped as two \\u escapes or written as it is, never split.
        char low = s.charAt(++i);
        sb.append(r.nextBoolean() ? hexEscape(c, r) + hexEscape(low, r) : "" + c + low);
      } else if (mustEscape || r.nextInt(4) == 0) {
        sb.append(hexEscape(c, r));
      } else if (c == '/' && r.nextBoolean()) {
        sb.append("\\/");
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String hexEscape(char c, Random r) {
    return String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c);
  }
}
