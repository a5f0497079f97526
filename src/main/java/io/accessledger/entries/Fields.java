package io.accessledger.entries;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object of a decoded event, read by the package's rules (see {@code package-info}): the
 * one place a field is taken out of an untyped map. A value that is not an object reads as {@link
 * #NONE}, an object with no fields, so a reader can go deeper without checking. Never throws.
 */
final class Fields {
  /** What a missing object, or a value that is not one, reads as. */
  static final Fields NONE = new Fields(Map.of());

  private final Map<?, ?> map;

  private Fields(Map<?, ?> map) {
    this.map = map;
  }

  /** {@code value} as an object, or {@link #NONE}. */
  static Fields of(Object value) {
    return value instanceof Map<?, ?> map ? new Fields(map) : NONE;
  }

  /** The object at {@code field}, or {@link #NONE}. */
  Fields object(String field) {
    return of(map.get(field));
  }

  /** The object at {@code field}, or empty when the leaf holds no object there. */
  Optional<Fields> optionalObject(String field) {
    return map.get(field) instanceof Map<?, ?> child ? Optional.of(new Fields(child)) : Optional.empty();
  }

  /** The string at {@code field} when given (not blank), else null. */
  String text(String field) {
    return given(map.get(field));
  }

  /** The string at {@code field} when given (not blank), else empty. */
  Optional<String> optionalText(String field) {
    return Optional.ofNullable(text(field));
  }

  /** The given strings of the array at {@code field}, in order; empty when there is none. */
  List<String> texts(String field) {
    if (!(map.get(field) instanceof List<?> list)) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(list.size());
    for (Object item : list) {
      String text = given(item);
      if (text != null) {
        texts.add(text);
      }
    }
    return Collections.unmodifiableList(texts);
  }

  /** The objects of the array at {@code field}, in order, leaving out what is not an object. */
  List<Fields> objects(String field) {
    if (!(map.get(field) instanceof List<?> list)) {
      return List.of();
    }
    List<Fields> objects = new ArrayList<>(list.size());
    for (Object item : list) {
      if (item instanceof Map<?, ?> child) {
        objects.add(new Fields(child));
      }
    }
    return Collections.unmodifiableList(objects);
  }

  /** The integer at {@code field}, or null. */
  Long integer(String field) {
    Object value = map.get(field);
    return value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte ? ((Number) value).longValue() : null;
  }

  /** The boolean at {@code field}, or null. */
  Boolean bool(String field) {
    return map.get(field) instanceof Boolean b ? b : null;
  }

  /** The string at {@code field} read as an instant ({@link Instant#parse}), or null. */
  Instant instant(String field) {
    String text = text(field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The string members of the object at {@code field}, verbatim (blank ones too: they are data,
   * not fields), in the leaf's order; members of other types are left out.
   */
  Map<String, String> strings(String field) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (map.get(field) instanceof Map<?, ?> child) {
      child.forEach((key, value) -> {
        if (key instanceof String name && value instanceof String text) {
          strings.put(name, text);
        }
      });
    }
    return Collections.unmodifiableMap(strings);
  }

  private static String given(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
