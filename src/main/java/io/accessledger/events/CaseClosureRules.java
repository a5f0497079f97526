package io.accessledger.events;

import java.util.Set;

/**
 * A {@code CASE_CLOSURE} (contract section 5): the subject's case closed at {@code occurredAt}. A
 * later {@code ALLOCATION} reopens it, for the need-to-know audit's after-closure rule.
 */
final class CaseClosureRules {
  static final Set<String> FIELDS = CommonRules.fieldsPlus("subject", "reason");

  private CaseClosureRules() {}

  static void check(Node event) {
    Shapes.subject(event);
    event.text("reason", false);
  }
}
