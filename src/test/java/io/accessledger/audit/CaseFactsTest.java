package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.facts;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.team;
import static io.accessledger.audit.AuditFixtures.view;
import static io.accessledger.audit.AuditFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a view is explained (contract section 5), and the allocations in force at it. */
class CaseFactsTest {
  private static final String FEB = "2026-02-01T00:00:00Z";

  @Test
  void theAllocatedWorkerIsExplainedWhateverTheirTeamAndNoOneElseByThatAllocation() {
    Allocation sw1 = worker("child-1", "sw-1", FEB, null, 1L);
    assertThat(facts(view(9, "sw-1", "south-cin", "child-1", WORKING), policy(), sw1).explained())
        .isTrue();
    assertThat(facts(view(9, "sw-1", null, "child-1", WORKING), policy(), sw1).explained())
        .isTrue();
    assertThat(facts(view(9, "sw-2", "south-cin", "child-1", WORKING), policy(), sw1).explained())
        .as("a colleague of the worker").isFalse();
  }

  @Test
  void theAllocatedTeamAndEveryTeamAboveItAreExplainedButNotSidewaysOrBelow() {
    Allocation north = team("child-1", "north-area", FEB, null, 1L);
    for (String above : new String[] {"north-area", "childrens-services"}) {
      assertThat(facts(view(9, "tm-1", above, "child-1", WORKING), policy(), north).explained())
          .as(above).isTrue();
    }
    for (String other : new String[] {"north-cin", "south-area", "south-cin"}) {
      assertThat(facts(view(9, "tm-1", other, "child-1", WORKING), policy(), north).explained())
          .as(other).isFalse();
    }
    assertThat(facts(view(9, "tm-1", null, "child-1", WORKING), policy(), north).explained())
        .as("a view that names no team").isFalse();
  }

  @Test
  void anAllocationIsInForceFromItsStartUntilJustBeforeItsEnd() {
    Allocation ended = worker("child-1", "sw-1", FEB, WORKING, 1L);
    Allocation starts = worker("child-1", "sw-1", WORKING, null, 2L);
    Allocation later = worker("child-1", "sw-1", "2026-03-03T10:00:01Z", null, 3L);
    CaseFacts facts = facts(view(9, "sw-1", null, "child-1", WORKING), policy(), ended, starts,
        later);
    assertThat(facts.inForce()).containsExactly(starts);
    assertThat(facts.allocations()).containsExactly(ended, starts, later);
    assertThat(facts.explained()).isTrue();
    assertThat(facts(view(9, "sw-1", null, "child-1", WORKING), policy(), ended, later)
        .explained()).isFalse();
  }

  @Test
  void byTheContractABackdatedAllocationExplainsAndWithAllocationsRecordedFirstItDoesNot() {
    Allocation late = worker("child-1", "sw-1", FEB, null, 10L);
    Allocation early = worker("child-1", "sw-2", FEB, null, 8L);
    ViewEntry view = view(9, "sw-1", null, "child-1", WORKING);
    assertThat(facts(view, policy(), late).explained()).isTrue();
    CaseFacts strict = facts(view, policy(true, false), late, early);
    assertThat(strict.explained()).isFalse();
    assertThat(strict.inForce()).containsExactly(late, early);
    assertThat(strict.explains(late)).isTrue();
    assertThat(strict.onRecord(late)).isFalse();
    assertThat(strict.onRecord(early)).isTrue();
    assertThat(facts(view(9, "sw-2", null, "child-1", WORKING), policy(true, false), early)
        .explained()).as("recorded before the view").isTrue();
  }
}
