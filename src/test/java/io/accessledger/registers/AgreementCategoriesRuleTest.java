package io.accessledger.registers;

import static io.accessledger.registers.RegisterEvents.CATEGORIES;
import static io.accessledger.registers.RegisterEvents.FAMILY_VALUED;
import static io.accessledger.registers.RegisterEvents.extract;
import static io.accessledger.registers.RegisterEvents.extractOf;
import static io.accessledger.registers.RegisterEvents.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementCategoriesRuleTest {
  @Test
  void allowedCategoriesPass() {
    assertThat(AgreementCategoriesRule.check(extractOf(extract()), FAMILY_VALUED)).isEmpty();
    assertThat(AgreementCategoriesRule.check(
        extractOf(with(extract(), "dataset.categories", CATEGORIES)), FAMILY_VALUED)).isEmpty();
  }

  @Test
  void everyCategoryNotAllowedIsNamed() {
    Flag flag = AgreementCategoriesRule.check(extractOf(with(extract(), "dataset.categories",
        List.of("referrals", "health-records", "police-intelligence"))), FAMILY_VALUED)
        .orElseThrow();
    assertThat(flag.code()).isEqualTo("EXTRACT_CATEGORY_NOT_ALLOWED");
    assertThat(flag.explanation())
        .contains("does not allow: health-records, police-intelligence.")
        .contains("It allows la-child-codes, referrals");
  }

  @Test
  void categoriesAreComparedAsTheAgreementSpellsThem() {
    assertThat(AgreementCategoriesRule.check(extractOf(with(extract(), "dataset.categories",
        List.of("Referrals"))), FAMILY_VALUED)).isPresent();
  }

  @Test
  void anUnknownAgreementHasNoCategoriesToCheck() {
    assertThat(AgreementCategoriesRule.check(extractOf(with(extract(), "dataset.categories",
        List.of("health-records"))), null)).isEmpty();
  }
}
