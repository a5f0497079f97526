package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.ExtractRelease;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymisationRuleTest {
  private static final ExtractRelease IDENTIFIABLE =
      extractOf(with(extract(), "dataset.pseudonymised", false));

  @Test
  void aPseudonymisedDatasetPasses() {
    assertThat(PseudonymisationRule.check(extractOf(extract()), FAMILY_VALUED)).isEmpty();
    assertThat(PseudonymisationRule.check(extractOf(extract()), null)).isEmpty();
  }

  @Test
  void identifiableDataUnderAPseudonymisedOnlyAgreementIsFlagged() {
    Flag flag = PseudonymisationRule.check(IDENTIFIABLE, FAMILY_VALUED).orElseThrow();
    assertThat(flag.code()).isEqualTo("EXTRACT_NOT_PSEUDONYMISED");
    assertThat(flag.explanation()).contains("cin-2024").contains("dataset.pseudonymised is false")
        .contains("agreement WWCSC-FAMILY-VALUED allows only pseudonymised data");
  }

  @Test
  void identifiableDataIsAllowedWhereTheAgreementSaysSo() {
    DataSharingAgreement identifiable = new DataSharingAgreement("DSA-CARE-LEAVERS",
        "Northshire NHS Trust", "Care leavers' health", LocalDate.of(2020, 1, 1),
        LocalDate.of(2030, 1, 1), false, List.of("referrals"), List.of());
    assertThat(PseudonymisationRule.check(IDENTIFIABLE, identifiable)).isEmpty();
  }

  @Test
  void identifiableDataUnderNoKnownAgreementIsFlagged() {
    assertThat(PseudonymisationRule.check(IDENTIFIABLE, null).orElseThrow().explanation())
        .contains("no configured agreement allows identifiable data");
  }
}
