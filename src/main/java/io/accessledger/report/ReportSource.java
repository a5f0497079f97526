package io.accessledger.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the log holds for one child's access report, proven in one signed tree: the input
 * of {@link AccessReportBuilder}, read from the log by {@code query.AccessReportSources}.
 *
 * @param subjectId the child's id
 * @param from the start of the report's window on {@code occurredAt} (inclusive), or null
 * @param to the end of the window (exclusive), or null
 * @param request the {@code AUDIT_QUERY} entry recording the request for this report
 * @param log the signed tree, its completeness statement for the child's key, and the log's key
 * @param history every entry naming the child in that tree, oldest first: an unbroken chain of
 *     their {@code links} ending at {@code log.head()}
 * @param releases the {@code EXTRACT_RELEASE} entries the history's {@code EXTRACT_SUBJECT}
 *     entries point at, by {@code seq}
 * @param checks the other reads of the log that were checks of this child's record
 *     ({@link AuditorChecks}), oldest first
 */
public record ReportSource(
    String subjectId,
    Instant from,
    Instant to,
    Proven request,
    SignedLog log,
    List<Proven> history,
    Map<Long, Proven> releases,
    List<Proven> checks) {
  public ReportSource {
    history = List.copyOf(history);
    releases = Map.copyOf(releases);
    checks = List.copyOf(checks);
  }

  /**
   * The tree a report is proven in and what makes it checkable: the log's {@code origin} and
   * {@code verifierKey}, the signed {@code checkpoint} of {@code treeSize} entries, and the signed
   * {@code completeness} statement that {@code head} is the latest entry naming {@code key}.
   */
  public record SignedLog(
      String origin, String verifierKey, long treeSize, String checkpoint, String key,
      String completeness, long head) {}
}
