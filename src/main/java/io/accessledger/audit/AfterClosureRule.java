package io.accessledger.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code AFTER_CLOSURE}: a view more than {@code afterClosure} after the subject's latest closure
 * at or before it (of closures at the same time, the later entry), unless an allocation starting
 * after that closure, and by the view, reopened the case. Its entries: the view, the closure.
 */
final class AfterClosureRule implements NeedToKnowRule {
  private final Duration afterClosure;

  /** @param afterClosure how long after a closure a view is still expected */
  AfterClosureRule(Duration afterClosure) {
    this.afterClosure = afterClosure;
  }

  @Override
  public Rule rule() {
    return Rule.AFTER_CLOSURE;
  }

  @Override
  public Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    Closure closure = null;
    for (Closure c : facts.closures()) {
      if (c.atMillis() <= view.at().toEpochMilli()
          && (closure == null || c.atMillis() >= closure.atMillis())) {
        closure = c;
      }
    }
    if (closure == null) {
      return Optional.empty();
    }
    Instant closedAt = closure.closedAt();
    for (Allocation allocation : facts.allocations()) {
      if (allocation.from().isAfter(closedAt) && !allocation.from().isAfter(view.at())) {
        return Optional.empty(); // reopened by a later allocation
      }
    }
    if (!view.at().isAfter(closedAt.plus(afterClosure))) {
      return Optional.empty();
    }
    long days = ChronoUnit.DAYS.between(closedAt, view.at());
    return Optional.of(new Finding(Rule.AFTER_CLOSURE + "-" + view.seq(), Rule.AFTER_CLOSURE,
        view.describe() + " at " + view.at() + ", " + days + " days after the case closed ("
            + closedAt + ") and it was not reopened", view.actor(), view.subject(),
        List.of(view.seq(), closure.seq())));
  }
}
