package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.ExtractRelease;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementBasisRuleTest {
  private static ExtractRelease citing(String... codes) {
    return extractOf(with(extract(), "legalBasis", List.of(codes)));
  }

  @Test
  void theEvaluationPairingPassesExtraCodesIncluded() {
    assertThat(AgreementBasisRule.check(extractOf(extract()), FAMILY_VALUED)).isEmpty();
    assertThat(AgreementBasisRule.check(citing("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4",
        "CA2004-S10"), FAMILY_VALUED)).isEmpty();
  }

  @Test
  void aMissingCodeOfTheAgreementsPairingIsFlaggedByName() {
    Flag flag = AgreementBasisRule.check(citing("UKGDPR-6-1-e", "UKGDPR-9-2-h", "DPA2018-S1-P4"),
        FAMILY_VALUED).orElseThrow();
    assertThat(flag.code()).isEqualTo("BASIS_GROUNDS_MISMATCH");
    assertThat(flag.explanation()).isEqualTo("Agreement WWCSC-FAMILY-VALUED expects every release"
        + " to cite UKGDPR-6-1-e, UKGDPR-9-2-j, DPA2018-S1-P4 (LEGAL-BASES.md, expected pairings),"
        + " but this one does not cite UKGDPR-9-2-j.");
  }

  @Test
  void anAgreementWithoutLegalBasesExpectsNone() {
    DataSharingAgreement open = new DataSharingAgreement("DSA-1", "Evaluator Ltd", "x",
        FAMILY_VALUED.from(), FAMILY_VALUED.to(), true, List.of("referrals"), null);
    assertThat(AgreementBasisRule.check(citing("UKGDPR-6-1-c"), open)).isEmpty();
    assertThat(AgreementBasisRule.check(citing("UKGDPR-6-1-c"), null)).isEmpty();
  }
}
