package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.facts;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.team;
import static io.accessledger.audit.AuditFixtures.view;
import static io.accessledger.audit.AuditFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RESTRICTED_SUBJECT: by the contract any explaining allocation, by name only the worker. */
class RestrictedSubjectRuleTest {
  private static final String FEB = "2026-02-01T00:00:00Z";
  private final Allocation north = team("child-vip", "north-cin", FEB, null, 1L);
  private final Allocation sw1 = worker("child-vip", "sw-1", FEB, null, 2L);

  private static Optional<Finding> check(boolean byName, NeedToKnowPolicy policy, ViewEntry view,
      Allocation... allocations) {
    return new RestrictedSubjectRule(Set.of("child-vip"), byName)
        .check(view, facts(view, policy, allocations));
  }

  @Test
  void aSubjectNotOnTheListIsNoFindingEvenUnallocated() {
    assertThat(check(true, policy(), view(9, "sw-9", null, "child-1", WORKING))).isEmpty();
  }

  @Test
  void byTheContractAnyExplainingAllocationWillDoTheTeamsIncluded() {
    assertThat(check(false, policy(), view(9, "sw-5", "north-cin", "child-vip", WORKING), north,
        sw1)).isEmpty();
    Finding finding = check(false, policy(), view(9, "sw-5", "south-cin", "child-vip", WORKING),
        north, sw1).orElseThrow();
    assertThat(finding.id()).isEqualTo("RESTRICTED_SUBJECT-9");
    assertThat(finding.seqs()).as("the view, then the allocations in force")
        .containsExactly(9L, 1L, 2L);
    assertThat(finding.explanation()).isEqualTo("sw-5 (social-worker, team south-cin) viewed"
        + " case-note/n-9 about child-vip, a restricted subject, at 2026-03-03T10:00:00Z without"
        + " being allocated to the case");
  }

  @Test
  void byNameOnlyTheWorkerAllocatedByNameMayView() {
    assertThat(check(true, policy(), view(9, "sw-1", "north-cin", "child-vip", WORKING), north,
        sw1)).isEmpty();
    Finding team = check(true, policy(), view(9, "sw-5", "north-cin", "child-vip", WORKING),
        north, sw1).orElseThrow();
    assertThat(team.explanation()).endsWith("without being allocated to the case by name");
  }

  @Test
  void withAllocationsRecordedFirstAnAllocationByNameRecordedAfterTheViewDoesNotCount() {
    ViewEntry view = view(9, "sw-1", null, "child-vip", WORKING);
    Allocation late = worker("child-vip", "sw-1", FEB, null, 12L);
    assertThat(check(true, policy(), view, late)).isEmpty();
    assertThat(check(true, policy(true, true), view, late)).isPresent();
    assertThat(check(false, policy(true, false), view, late)).isPresent();
  }
}
