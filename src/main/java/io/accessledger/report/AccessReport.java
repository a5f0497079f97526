package io.accessledger.report;

import java.util.List;

/**
 * A subject access report: what the ledger holds about one child, in words a family can read, with
 * the references and evidence that make every line checkable. Built by
 * {@link AccessReportBuilder}, served as JSON as it is and as HTML by {@link AccessReportHtml}.
 *
 * @param format {@value AccessReportBuilder#FORMAT}
 * @param subject the child's id
 * @param producedAt when the report was asked for (the request entry's {@code occurredAt}, the
 *     log's clock)
 * @param requestedBy the auditor who asked, named under {@code staffNames}
 * @param request the entry recording the request
 * @param from the window's start on {@code occurredAt} (inclusive, RFC 3339), or null
 * @param to the window's end (exclusive), or null
 * @param staffNames the naming policy the report was made under
 * @param views the views of the child's record in the window; this and the next three lists are
 *     in order of {@code occurredAt}, then {@code seq}
 * @param shares the share decisions naming the child
 * @param extracts the extracts that included the child
 * @param otherEntries any other entries naming the child
 * @param auditorChecks reads of the log about the child in the window, oldest first, not counting
 *     this report's own request
 */
public record AccessReport(
    String format,
    String subject,
    String producedAt,
    Staff requestedBy,
    Ref request,
    String from,
    String to,
    StaffNames staffNames,
    List<ViewItem> views,
    List<ShareItem> shares,
    List<ExtractItem> extracts,
    List<OtherItem> otherEntries,
    List<AuditorCheck> auditorChecks,
    ReportEvidence evidence) {
  public AccessReport {
    views = List.copyOf(views);
    shares = List.copyOf(shares);
    extracts = List.copyOf(extracts);
    otherEntries = List.copyOf(otherEntries);
    auditorChecks = List.copyOf(auditorChecks);
  }
}
