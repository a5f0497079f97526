package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.ExtractRelease;
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

  /** The shipped agreement: the evaluator the Family Valued privacy notice names, and its acronym. */
  static final DataSharingAgreement WWCSC = new DataSharingAgreement("WWCSC-FAMILY-VALUED",
      "What Works for Children's Social Care", "Evaluation", FAMILY_VALUED.from(),
      FAMILY_VALUED.to(), true, FAMILY_VALUED.categories(), FAMILY_VALUED.legalBases(),
      java.util.List.of("WWCSC"));

  @Test
  void anAliasIsAsGoodAsTheName() {
    assertThat(AgreementRecipientRule.check(to("What Works for Children's Social Care"), WWCSC))
        .isEmpty();
    assertThat(AgreementRecipientRule.check(to("what works  for children's social care"), WWCSC))
        .isEmpty();
    assertThat(AgreementRecipientRule.check(to("WWCSC"), WWCSC)).isEmpty();
    assertThat(AgreementRecipientRule.check(to(" wwcsc "), WWCSC)).isEmpty();
    Flag flag = AgreementRecipientRule.check(to("What Works Centre"), WWCSC).orElseThrow();
    assertThat(flag.explanation()).isEqualTo("The dataset was released to What Works Centre, but"
        + " agreement WWCSC-FAMILY-VALUED allows releases only to What Works for Children's Social"
        + " Care (also written WWCSC).");
  }

  @Test
  void anUnknownAgreementHasNoRecipientToCheck() {
    assertThat(AgreementRecipientRule.check(to("Data Brokers plc"), null)).isEmpty();
  }
}
