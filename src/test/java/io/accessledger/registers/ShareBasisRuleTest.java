package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.courtOrderShare;
import static io.accessledger.registers.RegisterEvents.share;
import static io.accessledger.registers.RegisterEvents.shareOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LEGAL-BASES.md's expected pairings, grounds by grounds. */
class ShareBasisRuleTest {
  private static Optional<Flag> check(String grounds, String... codes) {
    Map<String, Object> share = with(share(), "grounds", grounds);
    return ShareBasisRule.check(shareOf(with(share, "legalBasis", List.of(codes))));
  }

  @Test
  void seriousHarmWithPublicTaskAndTheSpecialCategoryPairPasses() {
    assertThat(ShareBasisRule.check(shareOf(share()))).isEmpty();
    assertThat(check("SERIOUS_HARM_RISK", "UKGDPR-6-1-ea", "UKGDPR-9-2-g", "DPA2018-S1-P18"))
        .as("recognised legitimate interest instead of public task").isEmpty();
  }

  @Test
  void seriousHarmWithoutSpecialCategoryCodesNeedsOnlyTheArticle6Basis() {
    assertThat(check("SERIOUS_HARM_RISK", "UKGDPR-6-1-e")).isEmpty();
  }

  @Test
  void theUsualGatewaysAreNotRequired() {
    assertThat(check("SERIOUS_HARM_RISK", "UKGDPR-6-1-e", "UKGDPR-9-2-g", "DPA2018-S1-P18"))
        .as("no CA1989-S47 or CA2004-S11").isEmpty();
    assertThat(check("CRIME_PREVENTION_DETECTION", "UKGDPR-6-1-e", "DPA2018-S2-P2"))
        .as("no CDA1998-S115").isEmpty();
  }

  @Test
  void seriousHarmWithoutPublicTaskOrRecognisedInterestIsFlagged() {
    Flag flag = check("SERIOUS_HARM_RISK", "UKGDPR-6-1-c").orElseThrow();
    assertThat(flag.code()).isEqualTo("BASIS_GROUNDS_MISMATCH");
    assertThat(flag.explanation()).contains("SERIOUS_HARM_RISK")
        .contains("neither UKGDPR-6-1-e (public task) nor UKGDPR-6-1-ea");
  }

  @Test
  void specialCategoryDataUnderSeriousHarmNeedsBothTheConditionAndSafeguarding() {
    Flag neither = check("SERIOUS_HARM_RISK", "UKGDPR-6-1-e", "UKGDPR-9-2-h", "DPA2018-S1-P2")
        .orElseThrow();
    assertThat(neither.explanation()).contains("special category data (UKGDPR-9-2-h)")
        .contains("UKGDPR-9-2-g and DPA2018-S1-P18 are missing");
    Flag noSafeguarding = check("SERIOUS_HARM_RISK", "UKGDPR-6-1-e", "UKGDPR-9-2-g").orElseThrow();
    assertThat(noSafeguarding.explanation()).contains("DPA2018-S1-P18 is missing")
        .doesNotContain("UKGDPR-9-2-g and");
  }

  @Test
  void bothProblemsOfOneDecisionAreInOneFlag() {
    Flag flag = check("SERIOUS_HARM_RISK", "UKGDPR-6-1-c", "UKGDPR-9-2-g").orElseThrow();
    assertThat(flag.explanation()).contains("neither UKGDPR-6-1-e")
        .contains("DPA2018-S1-P18 is missing");
  }

  @Test
  void crimeNeedsUnlawfulActsOrTheCrimeExemption() {
    assertThat(check("CRIME_PREVENTION_DETECTION", "UKGDPR-6-1-e", "DPA2018-S1-P10")).isEmpty();
    assertThat(check("CRIME_PREVENTION_DETECTION", "UKGDPR-6-1-e", "DPA2018-S2-P2")).isEmpty();
    assertThat(check("CRIME_PREVENTION_DETECTION", "UKGDPR-6-1-e", "DPA2018-S1-P10",
        "DPA2018-S2-P2")).isEmpty();
    Flag flag = check("CRIME_PREVENTION_DETECTION", "UKGDPR-6-1-e", "CDA1998-S115").orElseThrow();
    assertThat(flag.explanation()).contains("CRIME_PREVENTION_DETECTION")
        .contains("neither DPA2018-S1-P10").contains("nor DPA2018-S2-P2");
  }

  @Test
  void aCourtOrderNeedsTheExemptionOrTheOrderCode() {
    assertThat(ShareBasisRule.check(shareOf(courtOrderShare()))).isEmpty();
    assertThat(check("COURT_ORDER", "UKGDPR-6-1-c", "COURT-ORDER")).isEmpty();
    assertThat(check("COURT_ORDER", "UKGDPR-6-1-c", "DPA2018-S2-P5-1")).isEmpty();
    Flag flag = check("COURT_ORDER", "UKGDPR-6-1-c", "DPA2018-S2-P5-2").orElseThrow();
    assertThat(flag.explanation()).contains("COURT_ORDER")
        .contains("neither DPA2018-S2-P5-1").contains("nor COURT-ORDER");
  }

  @Test
  void aLegalObligationHasNoExpectedPairing() {
    assertThat(check("LEGAL_OBLIGATION", "UKGDPR-6-1-c")).isEmpty();
    assertThat(check("LEGAL_OBLIGATION", "UKGDPR-6-1-f", "UKGDPR-9-2-h")).isEmpty();
  }

  @Test
  void aDecisionNotToShareIsCheckedAlike() {
    Map<String, Object> share = with(share(), "decision", "DO_NOT_SHARE");
    assertThat(ShareBasisRule.check(shareOf(with(share, "legalBasis", List.of("UKGDPR-6-1-c")))))
        .isPresent();
  }
}
