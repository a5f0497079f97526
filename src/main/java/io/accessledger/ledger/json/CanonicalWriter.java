package io.accessledger.ledger.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Writes the ledger's JSON model as RFC 8785 canonical UTF-8 into a {@link ByteSink}. See {@link
 * CanonicalJson#serialize(Object)} for what is accepted and refused.
 *
 * <p>The JSON path of a refusal is collected only when one happens, while the stack unwinds, so the
 * normal path pays nothing for it.
 */
final class CanonicalWriter {
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] HEX = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'
  };

  /** For ASCII c: 0 when written as is, the short escape letter, or 'u' for a \\u00xx escape. */
  private static final byte[] ASCII_ESCAPE = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ASCII_ESCAPE[c] = 'u';
    }
    ASCII_ESCAPE['\b'] = 'b';
    ASCII_ESCAPE['\t'] = 't';
    ASCII_ESCAPE['\n'] = 'n';
    ASCII_ESCAPE['\f'] = 'f';
    ASCII_ESCAPE['\r'] = 'r';
    ASCII_ESCAPE['"'] = '"';
    ASCII_ESCAPE['\\'] = '\\';
  }

  private final ByteSink out;

  private CanonicalWriter(ByteSink out) {
    this.out = out;
  }

  /** Appends the canonical form of {@code value}; on refusal, {@code out} is left as it was. */
  static void write(Object value, ByteSink out) {
    int start = out.size;
    try {
      new CanonicalWriter(out).value(value, 0);
    } catch (Refusal r) {
      out.size = start;
      throw r.toException();
    }
  }

  private void value(Object v, int depth) {
    if (v instanceof String s) {
      string(s, false);
    } else if (v instanceof Map<?, ?> m) {
      object(m, depth + 1);
    } else if (v instanceof Long l) {
      integer(l);
    } else if (v instanceof Boolean b) {
      raw(b ? TRUE : FALSE);
    } else if (v instanceof List<?> l) {
      array(l, depth + 1);
    } else if (v == null || v == JsonNull.INSTANCE) {
      raw(NULL);
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      integer(((Number) v).longValue());
    } else if (v instanceof BigInteger b) {
      if (b.abs().bitLength() > 53) {
        throw new Refusal(CanonicalJson.outOfRange(b.toString()));
      }
      integer(b.longValue());
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      throw new Refusal("floats are refused: " + v.getClass().getSimpleName() + " " + v);
    } else {
      throw new Refusal("unsupported type " + v.getClass().getName());
    }
  }

  private void object(Map<?, ?> map, int depth) {
    checkDepth(depth);
    int n = map.size();
    if (n == 0) {
      out.ensure(2);
      out.buf[out.size++] = '{';
      out.buf[out.size++] = '}';
      return;
    }
    String[] keys = new String[n];
    Object[] values = new Object[n];
    boolean sorted = true;
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (i == n) {
        throw new Refusal("map changed while being serialized");
      }
      if (!(e.getKey() instanceof String key)) {
        Object k = e.getKey();
        throw new Refusal(
            "map key must be a String, got " + (k == null ? "null" : k.getClass().getName()));
      }
      if (i > 0 && keys[i - 1].compareTo(key) >= 0) {
        sorted = false;
      }
      keys[i] = key;
      values[i] = e.getValue();
      i++;
    }
    if (i != n) {
      throw new Refusal("map changed while being serialized");
    }
    if (!sorted) {
      // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 section 3.2.3 asks.
      Arrays.sort(keys);
      for (int j = 0; j < n; j++) {
        if (j > 0 && keys[j].equals(keys[j - 1])) {
          // Only maps with identity semantics can get here; the output would be ambiguous.
          throw new Refusal("duplicate key " + JsonPath.quoted(keys[j]));
        }
        values[j] = map.get(keys[j]);
      }
    }
    out.ensure(1);
    out.buf[out.size++] = '{';
    for (int j = 0; j < n; j++) {
      if (j > 0) {
        out.ensure(1);
        out.buf[out.size++] = ',';
      }
      try {
        string(keys[j], true);
        out.ensure(1);
        out.buf[out.size++] = ':';
        value(values[j], depth);
      } catch (Refusal r) {
        throw r.under(keys[j]);
      }
    }
    out.ensure(1);
    out.buf[out.size++] = '}';
  }

  private void array(List<?> list, int depth) {
    checkDepth(depth);
    out.ensure(1);
    out.buf[out.size++] = '[';
    if (list instanceof RandomAccess) {
      for (int j = 0, n = list.size(); j < n; j++) {
        element(list.get(j), j, depth);
      }
    } else {
      int j = 0;
      for (Object element : list) {
        element(element, j++, depth);
      }
    }
    out.ensure(1);
    out.buf[out.size++] = ']';
  }

  private void element(Object element, int index, int depth) {
    if (index > 0) {
      out.ensure(1);
      out.buf[out.size++] = ',';
    }
    try {
      value(element, depth);
    } catch (Refusal r) {
      throw r.under(index);
    }
  }

  private static void checkDepth(int depth) {
    if (depth > CanonicalJson.MAX_DEPTH) {
      throw new Refusal(CanonicalJson.tooDeep());
    }
  }

  private void integer(long v) {
    if (v > CanonicalJson.MAX_SAFE_INTEGER || v < -CanonicalJson.MAX_SAFE_INTEGER) {
      throw new Refusal(CanonicalJson.outOfRange(Long.toString(v)));
    }
    out.ensure(17);
    byte[] b = out.buf;
    int p = out.size;
    if (v < 0) {
      b[p++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    int end = p + digits;
    for (int q = end - 1; q >= p; q--) {
      b[q] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    out.size = end;
  }

  private void raw(byte[] bytes) {
    out.ensure(bytes.length);
    System.arraycopy(bytes, 0, out.buf, out.size, bytes.length);
    out.size += bytes.length;
  }

  /** Writes {@code s} quoted and escaped as ECMAScript JSON.stringify does (RFC 8785 3.2.2.2). */
  private void string(String s, boolean isKey) {
    int n = s.length();
    out.ensure(n + 2);
    byte[] b = out.buf;
    int p = out.size;
    b[p++] = '"';
    int i = 0;
    // Fast path: ASCII that needs no escape, one byte per char, capacity already ensured.
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || ASCII_ESCAPE[c] != 0) {
        break;
      }
      b[p++] = (byte) c;
    }
    out.size = p;
    if (i < n) {
      stringSlow(s, i, isKey);
    }
    out.ensure(1);
    out.buf[out.size++] = '"';
  }

  private void stringSlow(String s, int from, boolean isKey) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      out.ensure(6);
      byte[] b = out.buf;
      int p = out.size;
      if (c < 0x80) {
        byte esc = ASCII_ESCAPE[c];
        if (esc == 0) {
          b[p++] = (byte) c;
        } else if (esc == 'u') {
          b[p++] = '\\';
          b[p++] = 'u';
          b[p++] = '0';
          b[p++] = '0';
          b[p++] = HEX[c >> 4];
          b[p++] = HEX[c & 0xf];
        } else {
          b[p++] = '\\';
          b[p++] = esc;
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (!Character.isSurrogate(c)) {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else {
        char low = i + 1 < n ? s.charAt(i + 1) : 0;
        if (!Character.isHighSurrogate(c) || !Character.isLowSurrogate(low)) {
          throw new Refusal(
              "lone surrogate " + CanonicalJson.codePoint(c) + (isKey ? " in key" : " in string"));
        }
        int cp = Character.toCodePoint(c, low);
        i++;
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      }
      out.size = p;
    }
  }

  /** A refusal unwinding towards {@link #write}, collecting its path on the way. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Object> reversedPath = new ArrayList<>();

    Refusal(String problem) {
      super(problem, null, false, false);
    }

    Refusal under(Object segment) {
      reversedPath.add(segment);
      return this;
    }

    CanonicalJsonException toException() {
      StringBuilder path = new StringBuilder(JsonPath.ROOT);
      for (int i = reversedPath.size() - 1; i >= 0; i--) {
        Object segment = reversedPath.get(i);
        if (segment instanceof Integer index) {
          JsonPath.appendIndex(path, index);
        } else {
          JsonPath.appendKey(path, (String) segment);
        }
      }
      return new CanonicalJsonException(getMessage(), path.toString(), -1);
    }
  }
}
