package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.facts;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.team;
import static io.accessledger.audit.AuditFixtures.view;
import static io.accessledger.audit.AuditFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** NOT_ALLOCATED: a view no allocation explains, and what its finding says. */
class NotAllocatedRuleTest {
  private static final String FEB = "2026-02-01T00:00:00Z";
  private final NotAllocatedRule rule = new NotAllocatedRule();

  private Optional<Finding> check(ViewEntry view, NeedToKnowPolicy policy, Allocation... in) {
    return rule.check(view, facts(view, policy, in));
  }

  @Test
  void anExplainedViewIsNoFinding() {
    assertThat(check(view(9, "sw-1", null, "child-1", WORKING), policy(),
        worker("child-1", "sw-1", FEB, null, 1L))).isEmpty();
    assertThat(check(view(9, "tm-1", "north-area", "child-1", WORKING), policy(),
        team("child-1", "north-cin", FEB, null, 1L))).as("the team above").isEmpty();
  }

  @Test
  void aViewOfACaseNoOneIsAllocatedToSaysSo() {
    Finding finding = check(view(9, "sw-1", "north-cin", "child-2", WORKING), policy())
        .orElseThrow();
    assertThat(finding.id()).isEqualTo("NOT_ALLOCATED-9");
    assertThat(finding.rule()).isEqualTo(Rule.NOT_ALLOCATED);
    assertThat(finding.actor()).isEqualTo("sw-1");
    assertThat(finding.subject()).isEqualTo("child-2");
    assertThat(finding.seqs()).containsExactly(9L);
    assertThat(finding.explanation()).isEqualTo("sw-1 (social-worker, team north-cin) viewed"
        + " case-note/n-9 about child-2 at 2026-03-03T10:00:00Z, when no one was allocated to"
        + " child-2's case");
  }

  @Test
  void theFindingNamesTheAllocationsInForceAndCitesEachOfTheirEntriesOnce() {
    Allocation sw1 = worker("child-1", "sw-1", FEB, null, 1L, 4L);
    Allocation north = team("child-1", "north-cin", FEB, "2026-04-01T00:00:00Z", 2L);
    Allocation over = worker("child-1", "sw-9", FEB, "2026-03-01T00:00:00Z", 3L);
    Finding finding = check(view(9, "sw-9", "south-cin", "child-1", WORKING), policy(), sw1,
        north, over).orElseThrow();
    assertThat(finding.seqs()).as("the view, then the allocations in force")
        .containsExactly(9L, 1L, 4L, 2L);
    assertThat(finding.explanation()).endsWith("when child-1's case was allocated to worker sw-1"
        + " from 2026-02-01T00:00:00Z (open-ended) and team north-cin from 2026-02-01T00:00:00Z"
        + " until 2026-04-01T00:00:00Z, and team south-cin is none of those teams or above them");
  }

  @Test
  void aViewNamingNoTeamSaysSo() {
    Finding finding = check(view(9, "sw-5", null, "child-1", WORKING), policy(),
        team("child-1", "north-cin", FEB, null, 1L)).orElseThrow();
    assertThat(finding.explanation()).endsWith(", and the view names no team");
  }

  @Test
  void withAllocationsRecordedFirstABackdatedAllocationIsNamedAsRecordedAfter() {
    Allocation late = worker("child-1", "sw-1", FEB, null, 12L, 14L);
    Allocation other = worker("child-1", "sw-2", FEB, null, 3L);
    ViewEntry view = view(9, "sw-1", null, "child-1", WORKING);
    assertThat(check(view, policy(), late, other)).as("the contract: its stated times").isEmpty();
    Finding finding = check(view, policy(true, false), late, other).orElseThrow();
    assertThat(finding.explanation()).endsWith("when the only allocations that explain it were"
        + " recorded after the view (entries [12])");
    assertThat(finding.seqs()).containsExactly(9L, 12L, 14L, 3L);
  }
}
