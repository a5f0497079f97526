package io.accessledger.audit;

import java.util.Optional;
import java.util.Set;

/**
 * {@code RESTRICTED_SUBJECT}: a view of a subject on the restricted list that no allocation
 * explains (the contract); with {@code restrictedByName}, stricter, a view by anyone but a worker
 * allocated to the subject by name, so the allocated worker's team does not do. Either way only an
 * allocation on the record in time counts ({@link CaseFacts#onRecord}). Its entries: the view, then
 * the allocations in force.
 */
final class RestrictedSubjectRule implements NeedToKnowRule {
  private final Set<String> restrictedSubjects;
  private final boolean byName;

  /**
   * @param restrictedSubjects the subject ids on the restricted list
   * @param byName whether only a worker allocated by name may view them
   */
  RestrictedSubjectRule(Set<String> restrictedSubjects, boolean byName) {
    this.restrictedSubjects = Set.copyOf(restrictedSubjects);
    this.byName = byName;
  }

  @Override
  public Rule rule() {
    return Rule.RESTRICTED_SUBJECT;
  }

  @Override
  public Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    if (!restrictedSubjects.contains(view.subject()) || allowed(view, facts)) {
      return Optional.empty();
    }
    return Optional.of(Finding.aboutView(Rule.RESTRICTED_SUBJECT, view, view.describe()
        + ", a restricted subject, at " + view.at() + " without being allocated to the case"
        + (byName ? " by name" : ""), facts.inForce()));
  }

  private boolean allowed(ViewEntry view, CaseFacts facts) {
    if (!byName) {
      return facts.explained();
    }
    for (Allocation allocation : facts.inForce()) {
      if (facts.onRecord(allocation) && view.actor().equals(allocation.worker())) {
        return true;
      }
    }
    return false;
  }
}
