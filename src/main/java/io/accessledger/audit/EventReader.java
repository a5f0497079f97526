package io.accessledger.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the fields the rules need from stored events. Ingest has validated them, but the audit
 * does not depend on it: a field of the wrong shape reads as null, never as an error, so one odd
 * stored entry cannot stop an audit. Strings are kept one instance per distinct value, so a
 * million views hold a few thousand of them. Not thread-safe.
 */
final class EventReader {
  private final Map<String, String> names = new HashMap<>();

  /**
   * The view {@code seq} at {@code at}, or null when it names no viewer ({@code actor.id}) or no
   * subject ({@code subject.id}).
   */
  ViewEntry view(long seq, Instant at, Map<String, Object> event) {
    Map<?, ?> actor = event.get("actor") instanceof Map<?, ?> m ? m : Map.of();
    Map<?, ?> record = event.get("record") instanceof Map<?, ?> m ? m : Map.of();
    String viewer = name(actor.get("id"));
    String subject = name(id(event.get("subject")));
    if (viewer == null || subject == null) {
      return null;
    }
    return new ViewEntry(seq, viewer, name(actor.get("role")), name(actor.get("team")), subject,
        record.get("type") + "/" + record.get("id"), at,
        Boolean.TRUE.equals(event.get("breakGlass")),
        event.get("reason") instanceof String reason ? reason : null);
  }

  /** {@code value} if it is a string, as the one instance kept of it; otherwise null. */
  String name(Object value) {
    return value instanceof String s ? names.computeIfAbsent(s, k -> k) : null;
  }

  /** The string {@code id} of an object such as {@code subject}, or null. */
  static String id(Object value) {
    return value instanceof Map<?, ?> map && map.get("id") instanceof String id ? id : null;
  }

  /** {@code value} read as an instant ({@link Instant#parse}), or null. */
  static Instant instant(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
