package io.accessledger.console.audits;

import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.console.web.Page;
import io.accessledger.query.LedgerActivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit pages other than the results ({@link ResultsViews}): the form to pick a period, the
 * progress of a run going, a run that failed, and a session that already has a run going.
 */
final class AuditPages {
  /** One recent run on the form page. */
  record RunLink(long seq, String entryHref, String period, String href, String client,
      String at) {}

  /** The form: the default period, and the latest runs. */
  record FormView(String from, String to, List<RunLink> runs) {
    public boolean noRuns() {
      return runs.isEmpty();
    }
  }

  /**
   * A run going.
   *
   * @param known whether the size of the tree it reads is known yet ({@code of})
   * @param text the progress in words, which the page's live region says
   */
  record ProgressView(String period, long auditSeq, String auditHref, boolean known, long read,
      long of, String text, String statusHref, String pageHref) {}

  /** A run that failed, with the form to run it again. */
  record FailedView(String period, String message, String from, String to, long auditSeq,
      String auditHref) {}

  /** The session's run still going, which must finish before another starts. */
  record BusyView(String period, String href) {}

  private AuditPages() {}

  static Page form(AuditPeriod suggested, LedgerActivity activity, ConsoleDates dates) {
    List<RunLink> runs = new ArrayList<>();
    for (LedgerActivity.AuditRun run : activity.latestRuns(10)) {
      Optional<ConsoleDates.Span> span = dates.spanOf(run.from(), run.to());
      runs.add(new RunLink(run.seq(), ConsoleLinks.entry(run.seq()),
          span.map(s -> s.fromText() + " to " + s.toText()).orElse(run.from() + " to " + run.to()),
          span.map(s -> AuditLinks.page(new AuditPeriod(s.from(), s.to()), FindingFilter.NONE))
              .orElse(null),
          run.client(), run.at() == null ? "" : dates.dateTime(run.at())));
    }
    return new Page("audits", "Need-to-know audit",
        new FormView(suggested.from().toString(), suggested.to().toString(), runs));
  }

  static Page progress(AuditJob job, FindingFilter filter, ConsoleDates dates) {
    long of = job.of();
    return new Page("audits-progress", "Need-to-know audit running",
        new ProgressView(periodText(job.period(), dates), job.seq(), ConsoleLinks.entry(job.seq()),
            of >= 0, job.read(), Math.max(of, 0), progressText(job),
            AuditLinks.status(job.seq()), AuditLinks.page(job.period(), filter)));
  }

  /** "Reading the ledger: 4096 of 10000 entries read." and the like. */
  static String progressText(AuditJob job) {
    return switch (job.state()) {
      case WAITING -> "Waiting to start: other audits are running.";
      case RUNNING -> job.of() < 0 ? "Starting."
          : job.read() >= job.of() ? "All " + job.of() + " entries read; proving the findings'"
              + " entries."
          : job.read() + " of " + job.of() + " entries read.";
      case DONE -> "Finished.";
      case FAILED -> "Failed.";
    };
  }

  static Page failed(AuditJob job, ConsoleDates dates) {
    return new Page("audits-failed", "Need-to-know audit failed",
        new FailedView(periodText(job.period(), dates), job.failure(),
            job.period().from().toString(), job.period().to().toString(), job.seq(),
            ConsoleLinks.entry(job.seq())));
  }

  static Page busy(AuditJob running, ConsoleDates dates) {
    return new Page("audits-busy", "An audit is already running", running == null
        ? new BusyView(null, "/console/audits")
        : new BusyView(periodText(running.period(), dates),
            AuditLinks.page(running.period(), FindingFilter.NONE)));
  }

  static String periodText(AuditPeriod period, ConsoleDates dates) {
    return dates.day(period.from()) + " to " + dates.day(period.to());
  }
}
