package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.breakGlass;
import static io.accessledger.audit.AuditFixtures.facts;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.view;
import static io.accessledger.audit.AuditFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** BREAK_GLASS: every break-glass view, allocated or not, with its reason. */
class BreakGlassRuleTest {
  private final BreakGlassRule rule = new BreakGlassRule();
  private final Allocation allocated =
      worker("child-1", "sw-1", "2026-02-01T00:00:00Z", null, 1L);

  @Test
  void anOrdinaryViewIsNoFinding() {
    ViewEntry view = view(9, "sw-1", null, "child-1", WORKING);
    assertThat(rule.check(view, facts(view, policy(), allocated))).isEmpty();
  }

  @Test
  void aBreakGlassViewByTheAllocatedWorkerIsStillListedWithItsReason() {
    ViewEntry view = breakGlass(9, "sw-1", "child-1", WORKING, "police at the door");
    Finding finding = rule.check(view, facts(view, policy(), allocated)).orElseThrow();
    assertThat(finding.id()).isEqualTo("BREAK_GLASS-9");
    assertThat(finding.seqs()).as("the view alone, not the allocation").containsExactly(9L);
    assertThat(finding.explanation()).isEqualTo("sw-1 (social-worker) used break-glass access to"
        + " view case-note/n-9 about child-1 at 2026-03-03T10:00:00Z; the reason given was:"
        + " police at the door");
  }

  @Test
  void aBreakGlassViewWithoutAReasonSaysNone() {
    ViewEntry view = breakGlass(9, "sw-3", "child-1", WORKING, null);
    assertThat(rule.check(view, facts(view, policy())).orElseThrow().explanation())
        .endsWith("the reason given was: (none)");
  }
}
