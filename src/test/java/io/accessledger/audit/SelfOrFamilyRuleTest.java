package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.facts;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.view;
import static io.accessledger.audit.AuditFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SELF_OR_FAMILY: a view of a subject the staff-relationship list links to the viewer. */
class SelfOrFamilyRuleTest {
  private final SelfOrFamilyRule rule =
      new SelfOrFamilyRule(Map.of("sw-2", Map.of("child-own", "the child")));

  private Optional<Finding> check(String actor, String subject, Allocation... allocations) {
    ViewEntry view = view(9, actor, null, subject, WORKING);
    return rule.check(view, facts(view, policy(), allocations));
  }

  @Test
  void aViewOfTheirOwnChildIsFoundEvenWhenAllocated() {
    Finding finding = check("sw-2", "child-own",
        worker("child-own", "sw-2", "2026-02-01T00:00:00Z", null, 1L)).orElseThrow();
    assertThat(finding.id()).isEqualTo("SELF_OR_FAMILY-9");
    assertThat(finding.seqs()).as("the view alone").containsExactly(9L);
    assertThat(finding.explanation()).isEqualTo("sw-2 (social-worker) viewed case-note/n-9 about"
        + " child-own at 2026-03-03T10:00:00Z; the staff-relationship list links sw-2 to"
        + " child-own (the child)");
  }

  @Test
  void anotherViewerOfThatSubjectOrTheRelatedViewerOfAnotherIsNoFinding() {
    assertThat(check("sw-3", "child-own")).isEmpty();
    assertThat(check("sw-2", "child-1")).isEmpty();
  }
}
