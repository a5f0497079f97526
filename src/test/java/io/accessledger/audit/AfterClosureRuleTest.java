package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.closure;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.view;
import static io.accessledger.audit.AuditFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AFTER_CLOSURE: long after the latest closure before the view, unless reopened since. */
class AfterClosureRuleTest {
  private final AfterClosureRule rule = new AfterClosureRule(Duration.ofDays(30));

  private Optional<Finding> check(String at, List<Closure> closures, Allocation... allocations) {
    ViewEntry view = view(9, "sw-1", null, "child-1", at);
    return rule.check(view, new CaseFacts(view, List.of(allocations), closures, policy()));
  }

  @Test
  void aViewLongAfterTheClosureCitesItAndSaysHowLong() {
    Finding finding = check(WORKING, List.of(closure(2, "2026-01-15T12:00:00Z"))).orElseThrow();
    assertThat(finding.id()).isEqualTo("AFTER_CLOSURE-9");
    assertThat(finding.actor()).isEqualTo("sw-1");
    assertThat(finding.subject()).isEqualTo("child-1");
    assertThat(finding.seqs()).as("the view, the closure").containsExactly(9L, 2L);
    assertThat(finding.explanation()).isEqualTo("sw-1 (social-worker) viewed case-note/n-9 about"
        + " child-1 at 2026-03-03T10:00:00Z, 46 days after the case closed"
        + " (2026-01-15T12:00:00Z) and it was not reopened");
  }

  @Test
  void theGracePeriodIncludesItsLastInstant() {
    List<Closure> closed = List.of(closure(2, "2026-02-01T10:00:00Z"));
    assertThat(check(WORKING, closed)).as("exactly 30 days").isEmpty();
    assertThat(check("2026-03-03T10:00:01Z", closed)).isPresent();
  }

  @Test
  void aCaseNeverClosedOrClosedAfterTheViewIsNoFinding() {
    assertThat(check(WORKING, List.of())).isEmpty();
    assertThat(check(WORKING, List.of(closure(12, "2026-03-03T10:00:01Z")))).isEmpty();
  }

  @Test
  void theLatestClosureBeforeTheViewCountsAndOfTwoAtOneTimeTheLaterEntry() {
    assertThat(check(WORKING, List.of(closure(1, "2025-01-01T00:00:00Z"),
        closure(2, "2026-02-20T00:00:00Z")))).as("closed again 11 days before").isEmpty();
    assertThat(check(WORKING, List.of(closure(1, "2026-01-01T00:00:00Z"),
        closure(2, "2026-01-01T00:00:00Z"))).orElseThrow().seqs()).containsExactly(9L, 2L);
  }

  @Test
  void onlyAnAllocationStartingAfterTheClosureAndByTheViewReopensTheCase() {
    List<Closure> closed = List.of(closure(2, "2026-01-01T00:00:00Z"));
    assertThat(check(WORKING, closed,
        worker("child-1", "sw-4", "2026-02-01T00:00:00Z", "2026-02-02T00:00:00Z", 3L)))
        .as("reopened, whoever by and however briefly").isEmpty();
    assertThat(check(WORKING, closed, worker("child-1", "sw-1", WORKING, null, 3L)))
        .as("starting at the view").isEmpty();
    assertThat(check(WORKING, closed,
        worker("child-1", "sw-1", "2026-03-03T10:00:01Z", null, 3L))).as("starting after it")
        .isPresent();
    assertThat(check(WORKING, closed, worker("child-1", "sw-1", "2025-12-01T00:00:00Z", null,
        1L))).as("an allocation from before the closure, still open").isPresent();
  }
}
