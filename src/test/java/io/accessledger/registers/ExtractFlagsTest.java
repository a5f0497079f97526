package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.AGREEMENTS;
import static io.accessledger.registers.RegisterEvents.LONDON;
import static io.accessledger.registers.RegisterEvents.codes;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractFlagsTest {
  /** Wrong in every way an agreement can check. */
  private static Map<String, Object> everythingWrong() {
    Map<String, Object> release = with(extract(), "occurredAt", "2026-11-23T17:00:00Z");
    with(release, "dataset.pseudonymised", false);
    with(release, "dataset.categories", List.of("health-records"));
    with(release, "recipient", Map.of("organisation", "Data Brokers plc"));
    return with(release, "legalBasis", List.of("UKGDPR-6-1-e"));
  }

  @Test
  void aReleaseThatPassesEveryCheckHasNoFlags() {
    assertThat(ExtractFlags.of(extractOf(extract()), AGREEMENTS, LONDON)).isEmpty();
  }

  @Test
  void everyRuleThatFiresIsListedInOrder() {
    assertThat(codes(ExtractFlags.of(extractOf(everythingWrong()), AGREEMENTS, LONDON)))
        .containsExactly(
            "EXTRACT_NOT_PSEUDONYMISED", "EXTRACT_OUTSIDE_AGREEMENT_DATES",
            "EXTRACT_CATEGORY_NOT_ALLOWED", "EXTRACT_RECIPIENT_MISMATCH", "BASIS_GROUNDS_MISMATCH");
  }

  @Test
  void underAnUnknownAgreementOnlyPseudonymisationCanStillBeJudged() {
    Map<String, Object> release = with(everythingWrong(), "agreement", "DSA-NONE");
    assertThat(codes(ExtractFlags.of(extractOf(release), AGREEMENTS, LONDON)))
        .containsExactly("EXTRACT_UNKNOWN_AGREEMENT", "EXTRACT_NOT_PSEUDONYMISED");
  }

  @Test
  void theSummarySaysWhatWentWhereWithoutNamingAChild() {
    assertThat(Summaries.of(extractOf(extract()))).isEqualTo("2025-06-02T10:00:00Z: release of"
        + " dataset cin-2024 (2 rows, pseudonymised, categories referrals, assessments, period"
        + " 2020-01-01 to 2024-12-31) about 2 subjects to Evaluator Ltd under agreement"
        + " WWCSC-FAMILY-VALUED; approved by no one recorded; legal basis UKGDPR-6-1-e,"
        + " UKGDPR-9-2-j, DPA2018-S1-P4; recorded by ig-3 (information-governance)");
    assertThat(Summaries.of(extractOf(everythingWrong()))).contains("NOT pseudonymised");
  }
}
