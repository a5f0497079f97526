package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.facts;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OUT_OF_HOURS: on the zone's clock, working days and hours, holidays, and the rota. */
class OutOfHoursRuleTest {
  private final OutOfHoursRule rule = new OutOfHoursRule(policy());

  private Optional<Finding> check(String actor, String at) {
    ViewEntry view = view(9, actor, null, "child-1", at);
    return rule.check(view, facts(view, policy()));
  }

  @Test
  void theWorkingDayStartsAtItsStartAndEndsJustBeforeItsEnd() {
    assertThat(check("sw-1", "2026-03-03T07:59:59Z")).isPresent();
    assertThat(check("sw-1", "2026-03-03T08:00:00Z")).isEmpty();
    assertThat(check("sw-1", "2026-03-03T17:59:59Z")).isEmpty();
    assertThat(check("sw-1", "2026-03-03T18:00:00Z")).isPresent();
  }

  @Test
  void aWeekendViewIsFoundAndExplained() {
    Finding finding = check("sw-1", "2026-03-07T11:00:00Z").orElseThrow();
    assertThat(finding.id()).isEqualTo("OUT_OF_HOURS-9");
    assertThat(finding.seqs()).containsExactly(9L);
    assertThat(finding.explanation()).isEqualTo("sw-1 (social-worker) viewed case-note/n-9 about"
        + " child-1 on Saturday 2026-03-07 at 11:00 Europe/London, outside working hours"
        + " (08:00-18:00, 5 days a week), and is not on the out-of-hours rota");
  }

  @Test
  void aHolidayHasNoWorkingHours() {
    assertThat(check("sw-1", "2026-03-09T11:00:00Z").orElseThrow().explanation())
        .contains("on Monday 2026-03-09 at 11:00 Europe/London, a holiday, outside working hours")
        .contains("outside working hours");
    assertThat(check("sw-1", "2026-03-10T11:00:00Z")).as("the next day").isEmpty();
  }

  @Test
  void whoeverIsOnTheRotaIsExcusedAtAnyHour() {
    assertThat(check("edt-1", "2026-03-07T03:00:00Z")).isEmpty();
    assertThat(check("edt-1", "2026-03-09T23:00:00Z")).isEmpty();
  }

  @Test
  void hoursAreReadOnTheZonesClockAcrossTheChangeToSummerTime() {
    // After the clocks go forward (29 March), 07:30 UTC is 08:30 in London, and 17:30 is 18:30.
    assertThat(check("sw-1", "2026-03-30T07:30:00Z")).isEmpty();
    assertThat(check("sw-1", "2026-03-30T17:30:00Z").orElseThrow().explanation())
        .contains("on Monday 2026-03-30 at 18:30 Europe/London");
  }
}
