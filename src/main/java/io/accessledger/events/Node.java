package io.accessledger.events;

import io.accessledger.ledger.json.JsonNull;
import io.accessledger.ledger.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object under validation, with where it sits in the event and the sink its problems go to.
 *
 * <p>Each check takes the value and its location (a key of this object, or an element {@code index}
 * of the array under that key) and returns the value when it is valid, or null after recording
 * why not. A null value means "absent": it is never an error here, {@link #get} reports missing
 * required fields. Paths are rendered only when a problem is recorded, so a valid event costs no
 * string building.
 */
final class Node {
  static final int NO_INDEX = -1;

  private final Errors errors;
  private final Map<?, ?> map;
  private final Node parent;
  private final String key;
  private final int index;

  private Node(Errors errors, Map<?, ?> map, Node parent, String key, int index) {
    this.errors = errors;
    this.map = map;
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  static Node root(Errors errors, Map<?, ?> map) {
    return new Node(errors, map, null, null, NO_INDEX);
  }

  boolean full() {
    return errors.full();
  }

  boolean has(String field) {
    return map.containsKey(field);
  }

  /** The value of {@code field}, or null; records {@code required} if absent and required. */
  Object get(String field, boolean required) {
    Object value = map.get(field);
    if (value == null && required) {
      error(field, NO_INDEX, "required");
    }
    return value;
  }

  /** Records {@code unknown field "x"} for every key not in {@code allowed}, in input order. */
  void onlyFields(Set<String> allowed) {
    for (Object name : map.keySet()) {
      if (!(name instanceof String field)) {
        error("non-string key " + name);
      } else if (!allowed.contains(field)) {
        error(field, NO_INDEX, "unknown field " + JsonPath.quoted(field));
      }
    }
  }

  void error(String message) {
    errors.add(path(null, NO_INDEX), message);
  }

  void error(String field, int at, String message) {
    errors.add(path(field, at), message);
  }

  // ---- values: each returns the value when valid, else null (with the problem recorded)

  String string(Object value, String field, int at) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      error(field, at, "must be a string, got " + typeName(value));
      return null;
    }
    if (Text.exceedsUtf8(s, EventValidator.MAX_STRING_BYTES)) {
      error(field, at, "must be at most " + EventValidator.MAX_STRING_BYTES
          + " UTF-8 bytes, got " + Text.utf8Length(s));
      return null;
    }
    return s;
  }

  /** A string with at least one character that is not white space. */
  String text(Object value, String field, int at) {
    String s = string(value, field, at);
    if (s != null && s.isBlank()) {
      error(field, at, s.isEmpty() ? "must not be empty" : "must not be blank");
      return null;
    }
    return s;
  }

  /** An identifier: non-blank text of at most 256 characters with no control characters. */
  String id(Object value, String field, int at) {
    String s = text(value, field, at);
    if (s == null) {
      return null;
    }
    if (s.length() > EventValidator.MAX_ID_CHARS
        && s.codePointCount(0, s.length()) > EventValidator.MAX_ID_CHARS) {
      error(field, at, "must be at most " + EventValidator.MAX_ID_CHARS + " characters, got "
          + s.codePointCount(0, s.length()));
      return null;
    }
    int control = Text.firstControl(s);
    if (control >= 0) {
      error(field, at, "must not contain control characters (found "
          + Text.codePoint(s.charAt(control)) + " at index " + control + ")");
      return null;
    }
    return s;
  }

  Boolean bool(Object value, String field, int at) {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    error(field, at, "must be a boolean, got " + typeName(value));
    return null;
  }

  Long integer(Object value, String field, int at) {
    if (value == null) {
      return null;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    error(field, at, "must be an integer, got " + typeName(value));
    return null;
  }

  /** One of {@code allowed}, exactly (case-sensitive). */
  String oneOf(Object value, String field, int at, List<String> allowed) {
    String s = string(value, field, at);
    if (s != null && !allowed.contains(s)) {
      error(field, at, "must be one of " + String.join(", ", allowed) + ", got " + JsonPath.quoted(s));
      return null;
    }
    return s;
  }

  String date(Object value, String field, int at) {
    String s = string(value, field, at);
    String problem = s == null ? null : Rfc3339.dateProblem(s);
    if (problem != null) {
      error(field, at, problem);
      return null;
    }
    return s;
  }

  String timestamp(Object value, String field, int at) {
    String s = string(value, field, at);
    String problem = s == null ? null : Rfc3339.timestampProblem(s);
    if (problem != null) {
      error(field, at, problem);
      return null;
    }
    return s;
  }

  Node object(Object value, String field, int at) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> child)) {
      error(field, at, "must be an object, got " + typeName(value));
      return null;
    }
    return new Node(errors, child, this, field, at);
  }

  /** A non-empty array. */
  List<?> array(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      error(field, NO_INDEX, "must be an array, got " + typeName(value));
      return null;
    }
    if (list.isEmpty()) {
      error(field, NO_INDEX, "must not be empty");
      return null;
    }
    return list;
  }

  // ---- field shorthands: the value of this object's field, checked as above

  String text(String field, boolean required) {
    return text(get(field, required), field, NO_INDEX);
  }

  String string(String field, boolean required) {
    return string(get(field, required), field, NO_INDEX);
  }

  String id(String field, boolean required) {
    return id(get(field, required), field, NO_INDEX);
  }

  Boolean bool(String field, boolean required) {
    return bool(get(field, required), field, NO_INDEX);
  }

  Long integer(String field, boolean required) {
    return integer(get(field, required), field, NO_INDEX);
  }

  String oneOf(String field, boolean required, List<String> allowed) {
    return oneOf(get(field, required), field, NO_INDEX, allowed);
  }

  String date(String field, boolean required) {
    return date(get(field, required), field, NO_INDEX);
  }

  String timestamp(String field, boolean required) {
    return timestamp(get(field, required), field, NO_INDEX);
  }

  Node object(String field, boolean required) {
    return object(get(field, required), field, NO_INDEX);
  }

  List<?> array(String field, boolean required) {
    return array(get(field, required), field);
  }

  Map<?, ?> map() {
    return map;
  }

  /** The path of {@code field}[{@code at}] in this object; this object's own path for null. */
  String path(String field, int at) {
    StringBuilder sb = new StringBuilder(32);
    appendPath(sb);
    if (field != null) {
      JsonPath.appendKey(sb, field);
    }
    if (at >= 0) {
      JsonPath.appendIndex(sb, at);
    }
    return sb.toString();
  }

  private void appendPath(StringBuilder sb) {
    if (parent == null) {
      return;
    }
    parent.appendPath(sb);
    JsonPath.appendKey(sb, key);
    if (index >= 0) {
      JsonPath.appendIndex(sb, index);
    }
  }

  static String typeName(Object value) {
    if (value instanceof String) {
      return "string";
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return "integer";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof Map<?, ?>) {
      return "object";
    } else if (value instanceof List<?>) {
      return "array";
    } else if (value == JsonNull.INSTANCE) {
      return "null";
    } else if (value instanceof Number) {
      return "number";
    }
    return value.getClass().getSimpleName();
  }
}
