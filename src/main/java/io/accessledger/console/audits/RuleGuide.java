package io.accessledger.console.audits;

import io.accessledger.audit.Rule;

/**
 * What each need-to-know rule looks for, in words for the DPO (README, "Need-to-know audits",
 * says the same in full). A finding is a question to ask, not a verdict: the review records the
 * answer.
 */
enum RuleGuide {
  NOT_ALLOCATED(Rule.NOT_ALLOCATED, "Not allocated",
      "A view of a child's record that no allocation explains: the case was not allocated to the"
          + " member of staff, nor to their team or a team below theirs, when they looked."),
  BREAK_GLASS(Rule.BREAK_GLASS, "Break-glass access",
      "Every emergency override (break glass), with the reason the member of staff gave. Check the"
          + " reason was a real emergency."),
  OUT_OF_HOURS(Rule.OUT_OF_HOURS, "Out of hours",
      "A view outside working hours (in the ledger's zone, on working days, not on holidays) by"
          + " someone not on the out-of-hours rota."),
  AFTER_CLOSURE(Rule.AFTER_CLOSURE, "After the case closed",
      "A view long after the child's case was closed, with no allocation since that reopened it."),
  VOLUME_SPIKE(Rule.VOLUME_SPIKE, "Unusual volume",
      "A member of staff opening far more children's records in one hour (or one day) than they"
          + " and others in the same role usually do. The finding is about many children."),
  RESTRICTED_SUBJECT(Rule.RESTRICTED_SUBJECT, "Restricted child",
      "A view of a child on the restricted list (staff's own children, high-profile cases) that no"
          + " allocation explains."),
  SELF_OR_FAMILY(Rule.SELF_OR_FAMILY, "Self or family",
      "A view by a member of staff of a child the staff-relationship list links to them.");

  private final Rule rule;
  private final String title;
  private final String explanation;

  RuleGuide(Rule rule, String title, String explanation) {
    this.rule = rule;
    this.title = title;
    this.explanation = explanation;
  }

  String title() {
    return title;
  }

  String explanation() {
    return explanation;
  }

  /** The guide to the rule named {@code name}; a rule added later reads as its own name. */
  static String titleOf(String name) {
    for (RuleGuide guide : values()) {
      if (guide.rule.name().equals(name)) {
        return guide.title;
      }
    }
    return name;
  }

  static String explanationOf(String name) {
    for (RuleGuide guide : values()) {
      if (guide.rule.name().equals(name)) {
        return guide.explanation;
      }
    }
    return "";
  }
}
