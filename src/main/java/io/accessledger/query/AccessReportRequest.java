package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.events.EventValidator;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A checked request for a child's access report: the child's id (from the path) and an optional
 * window on the events' {@code occurredAt}, {@code from} (inclusive) and {@code to} (exclusive),
 * RFC 3339 as for histories.
 */
public record AccessReportRequest(String subjectId, Instant from, Instant to) {
  /** The query parameters the report takes. */
  public static final Set<String> PARAMETERS = Set.of("from", "to");

  /**
   * Reads the request (each parameter given at most once, as {@code ReadAudit} ensures).
   *
   * @throws ApiException 400 naming what is malformed
   */
  public static AccessReportRequest parse(String subjectId, Map<String, String> parameters) {
    if (subjectId == null || subjectId.isEmpty()) {
      throw ApiException.malformed("the subject id must not be empty");
    }
    // Ids are as events carry them (contract section 4); a control character could only forge
    // lines in what is printed from the request's record.
    if (subjectId.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.malformed("the subject id must not contain control characters");
    }
    if (subjectId.codePointCount(0, subjectId.length()) > EventValidator.MAX_ID_CHARS) {
      throw ApiException.malformed("the subject id must be at most " + EventValidator.MAX_ID_CHARS
          + " characters");
    }
    // The same window rules, and messages, as the history endpoints.
    HistoryRequest window = HistoryRequest.parse(
        parameters.get("from"), parameters.get("to"), null, null, null);
    return new AccessReportRequest(subjectId, window.from(), window.to());
  }
}
