package io.accessledger.audit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code OUT_OF_HOURS}: a view outside working hours, read on the clock of the policy's zone: not
 * on a working day, on a holiday, before {@code dayStart} or from {@code dayEnd} on; unless the
 * viewer is on the out-of-hours rota, which has no dates (whoever is on it is excused at any
 * hour). Its entry: the view.
 */
final class OutOfHoursRule implements NeedToKnowRule {
  private final NeedToKnowPolicy policy;

  OutOfHoursRule(NeedToKnowPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Rule rule() {
    return Rule.OUT_OF_HOURS;
  }

  @Override
  public Optional<Finding> check(ViewEntry view, CaseFacts facts) {
    if (policy.rota().contains(view.actor())) {
      return Optional.empty();
    }
    LocalDateTime local = LocalDateTime.ofInstant(view.at(), policy.zone());
    boolean holiday = policy.holidays().contains(local.toLocalDate());
    boolean working = policy.workingDays().contains(local.getDayOfWeek())
        && !holiday
        && !local.toLocalTime().isBefore(policy.dayStart())
        && local.toLocalTime().isBefore(policy.dayEnd());
    if (working) {
      return Optional.empty();
    }
    String day = local.getDayOfWeek().toString();
    return Optional.of(Finding.aboutView(Rule.OUT_OF_HOURS, view, view.describe() + " on "
        + day.charAt(0) + day.substring(1).toLowerCase(Locale.ROOT) + " "
        + local.toLocalDate() + " at " + local.toLocalTime() + " " + policy.zone().getId()
        + (holiday ? ", a holiday" : "")
        + ", outside working hours (" + policy.dayStart() + "-" + policy.dayEnd() + ", "
        + policy.workingDays().size() + " days a week), and is not on the out-of-hours rota",
        List.of()));
  }
}
