package io.accessledger.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One need-to-know rule (contract section 5). A rule judges each view of the period on its own
 * ({@link #check}), or all of them together once every view is known ({@link #overPeriod}), or
 * both. Rules are pure: what they find depends only on their settings and what they are given.
 */
interface NeedToKnowRule {
  /** The rule this is, which names its findings. */
  Rule rule();

  /** The finding about {@code view}, if it breaks the rule; none by default. */
  default Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    return Optional.empty();
  }

  /** The findings about the period's {@code views}, in {@code seq} order; none by default. */
  default List<Finding> overPeriod(List<ViewEntry> views) {
    return List.of();
  }

  /** The rules {@code policy} turns on, in the order of {@link Rule}. */
  static List<NeedToKnowRule> configured(NeedToKnowPolicy policy) {
    List<NeedToKnowRule> rules = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (policy.rules().contains(rule)) {
        rules.add(of(rule, policy));
      }
    }
    return List.copyOf(rules);
  }

  /** The rule {@code rule} with {@code policy}'s settings. */
  static NeedToKnowRule of(Rule rule, NeedToKnowPolicy policy) {
    return switch (rule) {
      case NOT_ALLOCATED -> new NotAllocatedRule();
      case BREAK_GLASS -> new BreakGlassRule();
      case OUT_OF_HOURS -> new OutOfHoursRule(policy);
      case AFTER_CLOSURE -> new AfterClosureRule(policy.afterClosure());
      case VOLUME_SPIKE -> new VolumeSpikeRule(policy);
      case RESTRICTED_SUBJECT ->
          new RestrictedSubjectRule(policy.restrictedSubjects(), policy.restrictedByName());
      case SELF_OR_FAMILY -> new SelfOrFamilyRule(policy.relationships());
    };
  }
}
