package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.CATEGORIES;
import static io.accessledger.registers.RegisterEvents.EVALUATION_BASES;
import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSharingAgreementsTest {
  private static final Set<String> KNOWN = Set.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4");

  private static final AgreementTerms FAMILY_VALUED_TERMS = new AgreementTerms(
      "WWCSC-FAMILY-VALUED", "Evaluator Ltd", "Evaluation of Family Valued", "2020-01-01",
      "2025-12-31", true, CATEGORIES, EVALUATION_BASES);

  private static DataSharingAgreements of(AgreementTerms... agreements) {
    return DataSharingAgreements.of(Arrays.asList(agreements), KNOWN::contains);
  }

  private static AgreementTerms terms(String id, String from, String to, List<String> categories,
      List<String> legalBases) {
    return new AgreementTerms(id, "Evaluator Ltd", "Evaluation", from, to, true, categories,
        legalBases);
  }

  @Test
  void validTermsBecomeAgreementsFoundByExactId() {
    DataSharingAgreements agreements = of(FAMILY_VALUED_TERMS);
    assertThat(agreements.find("WWCSC-FAMILY-VALUED")).contains(FAMILY_VALUED);
    assertThat(agreements.find("wwcsc-family-valued")).isEmpty();
    assertThat(agreements.find(null)).isEmpty();
    assertThat(agreements.all()).containsExactly(FAMILY_VALUED);
    assertThat(of().all()).isEmpty();
  }

  @Test
  void missingFieldsAreAllNamedInOneMessage() {
    assertThatThrownBy(() -> of(new AgreementTerms(null, " ", null, null, "", null, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid agreements in the configuration: agreements[0]: from"
            + " (first day, YYYY-MM-DD) is required")
        .hasMessageContaining("agreements[0]: to (last day, YYYY-MM-DD) is required")
        .hasMessageContaining("agreements[0]: id is required")
        .hasMessageContaining("agreements[0]: recipient (the organisation receiving the data) is"
            + " required")
        .hasMessageContaining("agreements[0]: purpose is required")
        .hasMessageContaining("agreements[0]: pseudonymisedOnly (true or false) is required")
        .hasMessageContaining("agreements[0]: categories must list at least one data category");
  }

  @Test
  void datesMustBeRealAndRunForwards() {
    assertThatThrownBy(() -> of(terms("DSA-1", "2020-02-30", "31/12/2025", List.of("referrals"),
        List.of())))
        .hasMessageContaining("agreements[0] (DSA-1): from must be a real date YYYY-MM-DD, got"
            + " 2020-02-30")
        .hasMessageContaining("agreements[0] (DSA-1): to must be a real date YYYY-MM-DD, got"
            + " 31/12/2025");
    assertThatThrownBy(() -> of(terms("DSA-1", "2025-01-01", "2024-12-31", List.of("referrals"),
        List.of())))
        .hasMessageContaining("agreements[0] (DSA-1): to (2024-12-31) is before from (2025-01-01)");
  }

  @Test
  void idsAreUniqueAndUnpadded() {
    AgreementTerms again = terms("WWCSC-FAMILY-VALUED", "2020-01-01", "2020-12-31",
        List.of("referrals"), List.of());
    assertThatThrownBy(() -> of(FAMILY_VALUED_TERMS, again))
        .hasMessageContaining("agreements[1] (WWCSC-FAMILY-VALUED): id WWCSC-FAMILY-VALUED is used"
            + " by an earlier agreement");
    assertThatThrownBy(() -> of(terms(" DSA-1", "2020-01-01", "2020-12-31", List.of("referrals"),
        List.of())))
        .hasMessageContaining("id must not start or end with white space");
  }

  @Test
  void aliasesAreDistinctAndNotBlank() {
    AgreementTerms terms = new AgreementTerms("DSA-1", "What Works for Children's Social Care",
        "Evaluation", "2020-01-01", "2020-12-31", true, List.of("referrals"), List.of(),
        Arrays.asList("WWCSC", "WWCSC", " "));
    assertThatThrownBy(() -> of(terms))
        .hasMessageContaining("agreements[0] (DSA-1): aliases names WWCSC twice")
        .hasMessageContaining("aliases[2] is blank");
    AgreementTerms good = new AgreementTerms("DSA-1", "What Works for Children's Social Care",
        "Evaluation", "2020-01-01", "2020-12-31", true, List.of("referrals"), List.of(),
        List.of("WWCSC"));
    assertThat(of(good).find("DSA-1").orElseThrow().aliases()).containsExactly("WWCSC");
  }

  @Test
  void categoriesAndLegalBasesAreDistinctAndNotBlank() {
    assertThatThrownBy(() -> of(terms("DSA-1", "2020-01-01", "2020-12-31",
        Arrays.asList("referrals", "referrals", null), List.of("UKGDPR-6-1-e", "UKGDPR-6-1-e"))))
        .hasMessageContaining("categories names referrals twice")
        .hasMessageContaining("categories[2] is blank")
        .hasMessageContaining("legalBases names UKGDPR-6-1-e twice");
  }

  @Test
  void legalBasesMustBeInTheVocabulary() {
    assertThatThrownBy(() -> of(terms("DSA-1", "2020-01-01", "2020-12-31", List.of("referrals"),
        List.of("UKGDPR-9-2-j", "GDPR-ART-89"))))
        .hasMessageContaining("agreements[0] (DSA-1): legalBases code GDPR-ART-89 is not in the"
            + " legal-basis vocabulary");
  }

  @Test
  void aMissingAgreementIsNamedByPlace() {
    assertThatThrownBy(() -> of(FAMILY_VALUED_TERMS, null))
        .hasMessageContaining("agreements[1]: must be an agreement");
  }
}
