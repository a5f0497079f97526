package io.accessledger.console.people;

import io.accessledger.api.ApiException;
import io.accessledger.events.EventValidator;
import io.accessledger.query.LinkedEntries.Window;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A checked request for a child's, a member of staff's or a record's page, refused (400, nothing
 * written) before its read is recorded: the ids as events carry them, and at most one cursor,
 * {@code before=SEQ} (the older page) or {@code after=SEQ} (the newer page), each given once.
 *
 * @param parameters the query parameters as given: what the page's {@code AUDIT_QUERY} records
 * @param window the page of the history to show, {@link #ROWS} rows
 */
record PageRequest(Map<String, String> parameters, Window window) {
  /** The rows of a page. */
  static final int ROWS = 100;

  private static final Set<String> CURSORS = Set.of("before", "after");

  PageRequest {
    parameters = Map.copyOf(parameters);
  }

  /** Reads the page's query parameters. */
  static PageRequest parse(MultivaluedMap<String, String> query) {
    Map<String, String> given = parameters(query, CURSORS);
    if (given.size() > 1) {
      throw ApiException.malformed("give before or after, not both");
    }
    Long before = cursor("before", given.get("before"));
    Long after = cursor("after", given.get("after"));
    return new PageRequest(given, new Window(before, after, ROWS));
  }

  /**
   * The query parameters, each of {@code allowed} at most once, sorted by name.
   *
   * @throws ApiException 400 for another parameter or one given twice
   */
  static Map<String, String> parameters(MultivaluedMap<String, String> query, Set<String> allowed) {
    Map<String, String> given = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw ApiException.malformed("unknown query parameter \"" + e.getKey() + "\""
            + (allowed.isEmpty() ? "; this page takes none" : "; allowed: " + new TreeSet<>(allowed)));
      }
      if (e.getValue().size() != 1) {
        throw ApiException.malformed("query parameter \"" + e.getKey() + "\" is given more than once");
      }
      given.put(e.getKey(), e.getValue().get(0));
    }
    return given;
  }

  /**
   * Refuses an id no event could carry (contract section 4): empty, longer than
   * {@link EventValidator#MAX_ID_CHARS}, or with a control character, which could only forge
   * lines in what is printed from the page's record.
   *
   * @param what how the page names it ("the child's id")
   */
  static String checkId(String what, String id) {
    if (id == null || id.isEmpty()) {
      throw ApiException.malformed(what + " must not be empty");
    }
    if (id.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.malformed(what + " must not contain control characters");
    }
    if (id.codePointCount(0, id.length()) > EventValidator.MAX_ID_CHARS) {
      throw ApiException.malformed(what + " must be at most " + EventValidator.MAX_ID_CHARS
          + " characters");
    }
    return id;
  }

  private static Long cursor(String name, String value) {
    if (value == null) {
      return null;
    }
    long seq;
    try {
      seq = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.malformed(name + " must be an entry number (0 or more), got " + value);
    }
    if (seq < 0 || !value.equals(Long.toString(seq))) {
      throw ApiException.malformed(name + " must be an entry number (0 or more), got " + value);
    }
    return seq;
  }
}
