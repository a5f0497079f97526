package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementRecipientRuleTest {
  private static ExtractRelease to(String organisation) {
    return extractOf(with(extract(), "recipient", Map.of("organisation", organisation)));
  }

  @Test
  void theAgreementsRecipientPassesWhateverItsCaseAndSpacing() {
    assertThat(AgreementRecipientRule.check(extractOf(extract()), FAMILY_VALUED)).isEmpty();
    assertThat(AgreementRecipientRule.check(to("  evaluator   LTD "), FAMILY_VALUED)).isEmpty();
  }

  @Test
  void anotherOrganisationIsFlagged() {
    Flag flag = AgreementRecipientRule.check(to("Data Brokers plc"), FAMILY_VALUED).orElseThrow();
    assertThat(flag.code()).isEqualTo("EXTRACT_RECIPIENT_MISMATCH");
    assertThat(flag.explanation()).isEqualTo("The dataset was released to Data Brokers plc, but"
        + " agreement WWCSC-FAMILY-VALUED allows releases only to Evaluator Ltd.");
    assertThat(AgreementRecipientRule.check(to("Evaluator Ltd."), FAMILY_VALUED))
        .as("punctuation makes another name").isPresent();
  }

  @Test
  void anUnknownAgreementHasNoRecipientToCheck() {
    assertThat(AgreementRecipientRule.check(to("Data Brokers plc"), null)).isEmpty();
  }
}
