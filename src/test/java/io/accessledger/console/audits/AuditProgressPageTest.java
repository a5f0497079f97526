package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.Frame;
import io.accessledger.console.web.Page;
import io.accessledger.console.web.Templates;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress page of a run going, as the template renders it. */
class AuditProgressPageTest {
  private final ConsoleDates dates = new ConsoleDates(ZoneId.of("Europe/London"));
  private final AuditJob job = new AuditJob(41,
      new AuditPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)), Instant.EPOCH);

  private String render(Page page) {
    StringWriter out = new StringWriter();
    new Templates().render(page.template(), out,
        List.of(new Frame(page.title(), null, List.of()), page.model()));
    return out.toString();
  }

  @Test
  void showsEntriesReadOfTheTreeLiveAndAWayToCheckAgainWithoutScript() {
    job.running();
    job.progress(4096, 1_000_000);
    String html = render(AuditPages.progress(job, FindingFilter.parse("BREAK_GLASS", null, null),
        dates));
    assertThat(html).contains("Need-to-know audit, 1 March 2026 to 31 March 2026")
        .contains("<progress class=\"app-progress\" id=\"audit-progress\" max=\"1000000\""
            + " value=\"4096\"")
        .contains("4096 of 1000000 entries read.")
        .contains("aria-live=\"polite\"")
        .contains("data-audit-status=\"/console/audits/runs/41/status\"")
        .contains("href=\"/console/audits?from&#61;2026-03-01&amp;to&#61;2026-03-31&amp;rule&#61;"
            + "BREAK_GLASS\" id=\"audit-check-again\">Check again</a>")
        .contains("href=\"/console/entries/41\"");
    job.progress(1_000_000, 1_000_000);
    assertThat(AuditPages.progressText(job)).contains("proving");
  }

  @Test
  void beforeTheScanStartsTheBarIsIndeterminate() {
    job.running();
    String html = render(AuditPages.progress(job, FindingFilter.NONE, dates));
    assertThat(html).contains("<progress class=\"app-progress\" id=\"audit-progress\""
        + " aria-describedby").contains("Starting.");
  }

  @Test
  void aFailedRunOffersToRunAgainAndABusySessionLinksToItsRun() {
    job.failed("no such tree", Instant.EPOCH);
    String failed = render(AuditPages.failed(job, dates));
    assertThat(failed).contains("The need-to-know audit of 1 March 2026 to 31 March 2026 failed")
        .contains("no such tree").contains("action=\"/console/audits/runs\"")
        .contains("name=\"from\" value=\"2026-03-01\"").contains("Run again");
    String busy = render(AuditPages.busy(job, dates));
    assertThat(busy).contains("Your audit of 1 March 2026 to 31 March 2026 is still running")
        .contains("Nothing was recorded")
        .contains("href=\"/console/audits?from&#61;2026-03-01&amp;to&#61;2026-03-31\"");
    assertThat(render(AuditPages.busy(null, dates))).contains("href=\"/console/audits\"");
  }
}
