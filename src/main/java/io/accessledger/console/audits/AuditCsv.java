package io.accessledger.console.audits;

import io.accessledger.console.web.CsvCells;
import io.accessledger.query.LedgerActivity.ReviewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A finished run's findings as CSV, one row per finding the filter shows, in the page's order:
 * rule, finding id, member of staff, team, child, entries (their {@code seq}s, space-separated),
 * state ({@code new} or the latest review's outcome), who reviewed it and when (RFC 3339), and
 * the finding's explanation. Cells are made safe by {@link CsvCells}.
 */
final class AuditCsv {
  static final List<String> HEADER = List.of("rule", "finding", "actor", "team", "subject",
      "entries", "state", "reviewed_by", "reviewed_at", "explanation");

  private AuditCsv() {}

  /** The CSV text, with each finding's latest review as {@code reviews} finds it. */
  static String of(AuditResult result, FindingFilter filter,
      Function<String, Optional<ReviewState>> reviews) {
    StringBuilder csv = new StringBuilder(CsvCells.row(HEADER));
    for (String rule : result.rules()) {
      for (AuditResult.Row row : result.findings()) {
        if (!row.rule().equals(rule)) {
          continue;
        }
        Optional<ReviewState> review = reviews.apply(row.id());
        if (!filter.shows(row, review)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        cells.add(row.rule());
        cells.add(row.id());
        cells.add(row.actor());
        cells.add(row.team());
        cells.add(row.subject());
        cells.add(row.seqs().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        cells.add(FindingFilter.stateOf(review));
        cells.add(review.map(ReviewState::reviewer).orElse(null));
        cells.add(review.map(r -> r.at() == null ? null : r.at().toString()).orElse(null));
        cells.add(row.explanation());
        csv.append(CsvCells.row(cells));
      }
    }
    return csv.toString();
  }

  /** The download's file name: {@code need-to-know-2026-03-01-to-2026-03-31.csv}. */
  static String fileName(AuditPeriod period) {
    return "need-to-know-" + period.from() + "-to-" + period.to() + ".csv";
  }
}
