package io.accessledger.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures built from parsed JSON values ({@code CanonicalJson.parse}'s model). */
public final class JsonValues {
  private JsonValues() {}

  /** A deep copy of {@code value} whose objects and arrays can be changed, keys kept in order. */
  public static Object mutable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, mutable(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(mutable(v)));
      return copy;
    }
    return value;
  }
}
