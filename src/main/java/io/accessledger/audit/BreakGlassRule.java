package io.accessledger.audit;

import java.util.List;
import java.util.Optional;

/**
 * {@code BREAK_GLASS}: every view with {@code breakGlass} true, allocated or not, quoting the
 * {@code reason} it gave ("(none)" if it gave none). Its entry: the view.
 */
final class BreakGlassRule implements NeedToKnowRule {
  @Override
  public Rule rule() {
    return Rule.BREAK_GLASS;
  }

  @Override
  public Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    if (!view.breakGlass()) {
      return Optional.empty();
    }
    return Optional.of(Finding.aboutView(Rule.BREAK_GLASS, view, view.who()
        + " used break-glass access to view " + view.record() + " about " + view.subject()
        + " at " + view.at() + "; the reason given was: "
        + (view.reason() == null ? "(none)" : view.reason()), List.of()));
  }
}
