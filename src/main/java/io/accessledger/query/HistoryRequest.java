package io.accessledger.query;

import io.accessledger.api.ApiException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The parameters of a history query (contract section 3), checked before anything is appended:
 * {@code from} (inclusive) and {@code to} (exclusive) on the event's {@code occurredAt}, an entry
 * {@code type}, a page {@code limit} (1 to {@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT}) and
 * the {@code cursor} a previous page returned as {@code next}.
 */
public record HistoryRequest(Instant from, Instant to, String type, int limit, long after) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  /**
   * Every entry type a history can hold, including those the ledger writes itself; a
   * {@code MAINTENANCE} entry names no subject, actor or record, so it is in no history.
   */
  public static final Set<String> TYPES =
      Set.of("VIEW", "SHARE_DECISION", "EXTRACT_RELEASE", "ALLOCATION", "CASE_CLOSURE",
          "EXTRACT_SUBJECT", "AUDIT_QUERY", "REVIEW");

  /** Parses the raw query parameters; null means absent. */
  public static HistoryRequest parse(
      String from, String to, String type, String limit, String cursor) {
    Instant fromInstant = instant("from", from);
    Instant toInstant = instant("to", to);
    if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
      throw ApiException.malformed("from (" + from + ") must be before to (" + to + ")");
    }
    if (type != null && !TYPES.contains(type)) {
      throw ApiException.malformed("type " + type + " is not one of " + new java.util.TreeSet<>(TYPES));
    }
    int pageSize = DEFAULT_LIMIT;
    if (limit != null) {
      pageSize = (int) number("limit", limit, 1, MAX_LIMIT);
    }
    long after = cursor == null ? -1 : number("cursor", cursor, 0, Long.MAX_VALUE);
    return new HistoryRequest(fromInstant, toInstant, type, pageSize, after);
  }

  /** Whether a filter on type or time is set (otherwise every entry of the key matches). */
  boolean filters() {
    return from != null || to != null || type != null;
  }

  boolean matches(String entryType, Instant occurredAt) {
    return (type == null || type.equals(entryType))
        && (from == null || (occurredAt != null && !occurredAt.isBefore(from)))
        && (to == null || (occurredAt != null && occurredAt.isBefore(to)));
  }

  private static Instant instant(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.malformed(name + " must be an RFC 3339 UTC time such as "
          + "2026-11-23T09:00:00Z, got " + value);
    }
  }

  static long number(String name, String value, long min, long max) {
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.malformed(name + " must be an integer, got " + value);
    }
    if (parsed < min || parsed > max) {
      throw ApiException.malformed(name + " must be between " + min + " and " + max + ", got " + value);
    }
    return parsed;
  }
}
