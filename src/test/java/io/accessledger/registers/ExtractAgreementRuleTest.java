package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.AGREEMENTS;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtractAgreementRuleTest {
  @Test
  void aConfiguredAgreementPasses() {
    assertThat(ExtractAgreementRule.check(extractOf(extract()), AGREEMENTS)).isEmpty();
  }

  @Test
  void anUnknownAgreementIsFlaggedByName() {
    Flag flag = ExtractAgreementRule.check(
        extractOf(with(extract(), "agreement", "DSA-2019-04")), AGREEMENTS).orElseThrow();
    assertThat(flag.code()).isEqualTo("EXTRACT_UNKNOWN_AGREEMENT");
    assertThat(flag.explanation()).contains("No data-sharing agreement DSA-2019-04 is configured")
        .doesNotContain("letter case");
  }

  @Test
  void idsAreComparedExactlyWithAHintForACaseSlip() {
    Flag flag = ExtractAgreementRule.check(
        extractOf(with(extract(), "agreement", "wwcsc-family-valued")), AGREEMENTS).orElseThrow();
    assertThat(flag.explanation()).contains("the configured WWCSC-FAMILY-VALUED differs only in"
        + " letter case");
  }
}
