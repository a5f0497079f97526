package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static io.accessledger.registers.RegisterEvents.LONDON;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WWCSC-FAMILY-VALUED runs from 2020-01-01 to 2025-12-31 inclusive. */
class AgreementDatesRuleTest {
  private static Optional<Flag> check(String releasedAt, String periodFrom, String periodTo) {
    Map<String, Object> release = with(extract(), "occurredAt", releasedAt);
    with(release, "dataset.periodFrom", periodFrom);
    with(release, "dataset.periodTo", periodTo);
    return AgreementDatesRule.check(extractOf(release), FAMILY_VALUED, LONDON);
  }

  @Test
  void aReleaseWithinTheTermPassesBothEndsIncluded() {
    assertThat(AgreementDatesRule.check(extractOf(extract()), FAMILY_VALUED, LONDON)).isEmpty();
    assertThat(check("2025-12-31T12:00:00Z", "2020-01-01", "2025-12-31")).isEmpty();
    assertThat(check("2020-01-01T00:00:00Z", "2020-01-01", "2020-01-01")).isEmpty();
  }

  @Test
  void aReleaseAfterTheAgreementEndedIsFlagged() {
    Flag flag = check("2026-11-23T17:00:00Z", "2020-01-01", "2024-12-31").orElseThrow();
    assertThat(flag.code()).isEqualTo("EXTRACT_OUTSIDE_AGREEMENT_DATES");
    assertThat(flag.explanation()).isEqualTo("Agreement WWCSC-FAMILY-VALUED runs from 2020-01-01"
        + " to 2025-12-31 inclusive, but it was released on 2026-11-23 (Europe/London).");
  }

  @Test
  void theReleaseDayIsTakenInLondon() {
    assertThat(check("2019-12-31T23:59:59Z", "2020-01-01", "2024-12-31")).isPresent();
    DataSharingAgreement summer = new DataSharingAgreement("DSA-SUMMER", "Evaluator Ltd", "x",
        LocalDate.of(2020, 7, 1), LocalDate.of(2020, 9, 30), true, List.of("referrals"),
        List.of());
    Map<String, Object> release = with(extract(), "occurredAt", "2020-06-30T23:30:00Z");
    with(release, "dataset.periodFrom", "2020-07-01");
    with(release, "dataset.periodTo", "2020-09-30");
    assertThat(AgreementDatesRule.check(extractOf(release), summer, LONDON))
        .as("00:30 on 1 July in British Summer Time").isEmpty();
  }

  @Test
  void aDatasetPeriodReachingOutsideTheTermIsFlaggedAtEachEnd() {
    Flag flag = check("2025-06-02T10:00:00Z", "2019-06-01", "2026-03-31").orElseThrow();
    assertThat(flag.explanation())
        .contains("the dataset's period starts on 2019-06-01, before the agreement")
        .contains("the dataset's period ends on 2026-03-31, after the agreement")
        .doesNotContain("released on");
  }

  @Test
  void aPeriodThatIsNotADateCannotBeShownWithinTheTerm() {
    Map<String, Object> release = extract();
    ((Map<?, ?>) release.get("dataset")).remove("periodTo");
    assertThat(AgreementDatesRule.check(extractOf(release), FAMILY_VALUED, LONDON).orElseThrow()
        .explanation()).contains("ends on no stated day, which is not a date");
  }

  @Test
  void anUnknownAgreementHasNoDatesToCheck() {
    assertThat(AgreementDatesRule.check(
        extractOf(with(extract(), "occurredAt", "2030-01-01T00:00:00Z")), null, LONDON))
        .isEmpty();
  }

  @Test
  void theReleaseDayIsTakenInTheServicesZoneAndNamed() {
    // Midday UTC on the agreement's last day is already 1 January 2026 in Auckland (UTC+13).
    Map<String, Object> release = with(extract(), "occurredAt", "2025-12-31T12:00:00Z");
    assertThat(AgreementDatesRule.check(extractOf(release), FAMILY_VALUED, LONDON)).isEmpty();
    assertThat(AgreementDatesRule.check(extractOf(release), FAMILY_VALUED,
        ZoneId.of("Pacific/Auckland")).orElseThrow().explanation())
        .contains("but it was released on 2026-01-01 (Pacific/Auckland).");
  }
}
