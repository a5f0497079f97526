package io.accessledger.registers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of an event as decoded from a leaf. The validator refused malformed events at
 * ingest, but a register lists whatever the log holds, so a missing or oddly typed field reads as
 * null (or an empty list) instead of failing the whole register.
 */
final class EventFields {
  private EventFields() {}

  /** The non-blank string at {@code field}, or null. */
  static String text(Map<?, ?> map, String field) {
    return map != null && map.get(field) instanceof String s && !s.isBlank() ? s : null;
  }

  /** The object at {@code field}, or null. */
  static Map<?, ?> object(Map<?, ?> map, String field) {
    return map != null && map.get(field) instanceof Map<?, ?> child ? child : null;
  }

  /** The {@code id} of the object at {@code field} (a person: {@code actor}, {@code decidedBy}). */
  static String id(Map<?, ?> map, String field) {
    return text(object(map, field), "id");
  }

  /** The integer at {@code field}, or null. */
  static Long integer(Map<?, ?> map, String field) {
    return map != null && map.get(field) instanceof Long n ? n : null;
  }

  /** The boolean at {@code field}, or null. */
  static Boolean bool(Map<?, ?> map, String field) {
    return map != null && map.get(field) instanceof Boolean b ? b : null;
  }

  /** The strings in the array at {@code field}, in order, skipping anything else. */
  static List<String> texts(Map<?, ?> map, String field) {
    if (map == null || !(map.get(field) instanceof List<?> list)) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(list.size());
    for (Object item : list) {
      if (item instanceof String s) {
        texts.add(s);
      }
    }
    return Collections.unmodifiableList(texts);
  }

  /** The number of elements of the array at {@code field}, or 0. */
  static int size(Map<?, ?> map, String field) {
    return map != null && map.get(field) instanceof List<?> list ? list.size() : 0;
  }
}
