package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import io.accessledger.auth.Role;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A run's findings are shown ResultsPage.SIZE a page, in rule order, and a finding finds its page. */
class ResultsPagingTest {
  private static final AuditPeriod MARCH =
      AuditPeriod.parse("2026-03-01", "2026-03-31");
  private final ConsoleDates dates = new ConsoleDates(ZoneId.of("Europe/London"));

  private AuditJob jobWith(int notAllocated, int breakGlass) {
    List<AuditResult.Row> rows = new ArrayList<>();
    for (int i = 0; i < notAllocated; i++) {
      rows.add(new AuditResult.Row("NOT_ALLOCATED-" + i, "NOT_ALLOCATED", "x", "sw-1", "t",
          "child-1", List.of((long) i)));
    }
    for (int i = 0; i < breakGlass; i++) {
      rows.add(new AuditResult.Row("BREAK_GLASS-" + i, "BREAK_GLASS", "x", "sw-2", "t",
          "child-2", List.of((long) i)));
    }
    AuditResult result = new AuditResult(7, 1000, List.of("NOT_ALLOCATED", "BREAK_GLASS"), rows);
    AuditJobs jobs = new AuditJobs(Runnable::run, AuditJobs.Limits.DEFAULT,
        Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC));
    return jobs.start(new ConsoleSession("dpo", Role.AUDITOR, "c", Instant.EPOCH), MARCH,
        () -> 7, (seq, progress) -> result);
  }

  private ResultsView view(AuditJob job, ResultsPage page) {
    return ResultsViews.of(job, FindingFilter.NONE, page, id -> Optional.empty(), dates, null);
  }

  private static List<String> ids(ResultsView view) {
    return view.groups().stream().flatMap(g -> g.findings().stream())
        .map(ResultsView.Item::id).toList();
  }

  @Test
  void findingsArePagedAcrossRulesInOrder() {
    AuditJob job = jobWith(150, 80);
    ResultsView first = view(job, ResultsPage.FIRST);
    assertThat(ids(first)).hasSize(100).startsWith("NOT_ALLOCATED-0").endsWith("NOT_ALLOCATED-99");
    assertThat(first.pager().pages()).isEqualTo(3);
    assertThat(first.pager().previousHref()).isNull();
    assertThat(first.pager().nextHref()).endsWith("&page=2");
    assertThat(first.shown()).as("every finding the filter shows, on all pages").isEqualTo(230);
    ResultsView second = view(job, new ResultsPage(2, null));
    assertThat(ids(second)).hasSize(100).startsWith("NOT_ALLOCATED-100")
        .contains("NOT_ALLOCATED-149", "BREAK_GLASS-0").endsWith("BREAK_GLASS-49");
    assertThat(second.groups()).extracting(ResultsView.Group::shown).containsExactly(150, 80);
    ResultsView last = view(job, new ResultsPage(3, null));
    assertThat(ids(last)).hasSize(30).endsWith("BREAK_GLASS-79");
    assertThat(last.pager().nextHref()).isNull();
    assertThat(ids(view(job, new ResultsPage(9, null)))).isEmpty();
  }

  @Test
  void aFindingIsShownOnItsOwnPage() {
    AuditJob job = jobWith(150, 80);
    assertThat(view(job, new ResultsPage(1, "BREAK_GLASS-60")).pager().page()).isEqualTo(3);
    assertThat(ids(view(job, new ResultsPage(1, "NOT_ALLOCATED-120")))).contains("NOT_ALLOCATED-120");
    assertThat(view(job, new ResultsPage(1, "nothing")).pager().page()).isEqualTo(1);
  }

  @Test
  void aSmallRunHasNoPagerAndBadPagesAreRefused() {
    assertThat(view(jobWith(3, 2), ResultsPage.FIRST).pager()).isNull();
    assertThatThrownBy(() -> ResultsPage.parse("0", null)).isInstanceOf(ApiException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> ResultsPage.parse("two", null)).isInstanceOf(ApiException.class);
    assertThat(ResultsPage.parse(null, " ")).isEqualTo(ResultsPage.FIRST);
    assertThat(LocalDate.of(2026, 3, 1)).isEqualTo(MARCH.from());
  }
}
