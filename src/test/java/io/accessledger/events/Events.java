package io.accessledger.events;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.support.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures: the valid events in {@code src/test/resources/events/}, as mutable copies that a
 * test can edit by path ({@code actor.id}, {@code subjects[1].id}) and then re-parse, so the
 * validator always sees exactly what {@link CanonicalJson#parse} produces.
 */
final class Events {
  private Events() {}

  /** A mutable deep copy of fixture {@code name} (without {@code .json}). */
  static Map<String, Object> fixture(String name) {
    try (InputStream in = Events.class.getResourceAsStream("/events/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return asMap(JsonValues.mutable(CanonicalJson.parse(in.readAllBytes())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code event} as the parser would hand it over: serialised, then parsed again. */
  static Object reparse(Object event) {
    return CanonicalJson.parse(CanonicalJson.serialize(event));
  }

  /** Sets the value at {@code path}, creating nothing: the parent must exist. */
  static void set(Map<String, Object> event, String path, Object value) {
    Object parent = parentOf(event, path);
    String last = lastStep(path);
    if (last.startsWith("[")) {
      asList(parent).set(index(last), value);
    } else {
      asMap(parent).put(last, value);
    }
  }

  /** Removes the value at {@code path} (a key, or a list element). */
  static void remove(Map<String, Object> event, String path) {
    Object parent = parentOf(event, path);
    String last = lastStep(path);
    if (last.startsWith("[")) {
      asList(parent).remove(index(last));
    } else if (asMap(parent).remove(last) == null) {
      throw new IllegalArgumentException("nothing at " + path);
    }
  }

  /** The value at {@code path}. */
  static Object get(Map<String, Object> event, String path) {
    Object node = event;
    for (String step : steps(path)) {
      node = step.startsWith("[") ? asList(node).get(index(step)) : asMap(node).get(step);
    }
    return node;
  }

  static List<Object> subjects(int n) {
    List<Object> subjects = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> subject = new LinkedHashMap<>();
      subject.put("id", "child-" + i);
      subjects.add(subject);
    }
    return subjects;
  }

  private static Object parentOf(Map<String, Object> event, String path) {
    List<String> steps = steps(path);
    Object node = event;
    for (String step : steps.subList(0, steps.size() - 1)) {
      node = step.startsWith("[") ? asList(node).get(index(step)) : asMap(node).get(step);
    }
    return node;
  }

  private static String lastStep(String path) {
    List<String> steps = steps(path);
    return steps.get(steps.size() - 1);
  }

  /** {@code a.b[2].c} → {@code a, b, [2], c}. */
  private static List<String> steps(String path) {
    List<String> steps = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        steps.add(part);
        continue;
      }
      if (bracket > 0) {
        steps.add(part.substring(0, bracket));
      }
      for (String index : part.substring(bracket).split("(?=\\[)")) {
        steps.add(index);
      }
    }
    return steps;
  }

  private static int index(String step) {
    return Integer.parseInt(step.substring(1, step.length() - 1));
  }


  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object value) {
    return (List<Object>) value;
  }
}
