package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSharingAgreementsTest {
  private static final Set<String> KNOWN = Set.of("UKGDPR-6-1-e", "UKGDPR-9-2-j", "DPA2018-S1-P4");

  private static DataSharingAgreements of(DataSharingAgreement... agreements) {
    return DataSharingAgreements.of(Arrays.asList(agreements), KNOWN::contains);
  }

  private static DataSharingAgreement agreement(String id, LocalDate from, LocalDate to,
      List<String> categories, List<String> legalBases) {
    return new DataSharingAgreement(id, "Evaluator Ltd", "Evaluation", from, to, true,
        categories, legalBases);
  }

  @Test
  void validAgreementsAreFoundByExactId() {
    DataSharingAgreements agreements = of(FAMILY_VALUED);
    assertThat(agreements.find("WWCSC-FAMILY-VALUED")).contains(FAMILY_VALUED);
    assertThat(agreements.find("wwcsc-family-valued")).isEmpty();
    assertThat(agreements.find(null)).isEmpty();
    assertThat(agreements.all()).containsExactly(FAMILY_VALUED);
    assertThat(of().all()).isEmpty();
  }

  @Test
  void missingFieldsAreAllNamedInOneMessage() {
    assertThatThrownBy(() -> of(new DataSharingAgreement(null, " ", null, null, null, null,
        null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid agreements in the configuration: agreements[0]: id is"
            + " required")
        .hasMessageContaining("agreements[0]: recipient (the organisation receiving the data) is"
            + " required")
        .hasMessageContaining("agreements[0]: purpose is required")
        .hasMessageContaining("agreements[0]: from (first day, YYYY-MM-DD) is required")
        .hasMessageContaining("agreements[0]: to (last day, YYYY-MM-DD) is required")
        .hasMessageContaining("agreements[0]: pseudonymisedOnly (true or false) is required")
        .hasMessageContaining("agreements[0]: categories must list at least one data category");
  }

  @Test
  void datesMustRunForwards() {
    assertThatThrownBy(() -> of(agreement("DSA-1", LocalDate.of(2025, 1, 1),
        LocalDate.of(2024, 12, 31), List.of("referrals"), List.of())))
        .hasMessageContaining("agreements[0] (DSA-1): to (2024-12-31) is before from (2025-01-01)");
  }

  @Test
  void idsAreUniqueAndUnpadded() {
    DataSharingAgreement again = agreement("WWCSC-FAMILY-VALUED", FAMILY_VALUED.from(),
        FAMILY_VALUED.to(), List.of("referrals"), List.of());
    assertThatThrownBy(() -> of(FAMILY_VALUED, again))
        .hasMessageContaining("agreements[1] (WWCSC-FAMILY-VALUED): id WWCSC-FAMILY-VALUED is used"
            + " by an earlier agreement");
    assertThatThrownBy(() -> of(agreement(" DSA-1", FAMILY_VALUED.from(), FAMILY_VALUED.to(),
        List.of("referrals"), List.of())))
        .hasMessageContaining("id must not start or end with white space");
  }

  @Test
  void categoriesAndLegalBasesAreDistinctAndNotBlank() {
    assertThatThrownBy(() -> of(agreement("DSA-1", FAMILY_VALUED.from(), FAMILY_VALUED.to(),
        Arrays.asList("referrals", "referrals", null), List.of("UKGDPR-6-1-e", "UKGDPR-6-1-e"))))
        .hasMessageContaining("categories names referrals twice")
        .hasMessageContaining("categories[2] is blank")
        .hasMessageContaining("legalBases names UKGDPR-6-1-e twice");
  }

  @Test
  void legalBasesMustBeInTheVocabulary() {
    assertThatThrownBy(() -> of(agreement("DSA-1", FAMILY_VALUED.from(), FAMILY_VALUED.to(),
        List.of("referrals"), List.of("UKGDPR-9-2-j", "GDPR-ART-89"))))
        .hasMessageContaining("agreements[0] (DSA-1): legalBases code GDPR-ART-89 is not in the"
            + " legal-basis vocabulary");
  }

  @Test
  void aMissingAgreementIsNamedByPlace() {
    assertThatThrownBy(() -> of(FAMILY_VALUED, null))
        .hasMessageContaining("agreements[1]: must be an agreement");
  }
}
