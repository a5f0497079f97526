package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.util.List;
import java.util.Optional;

/**
 * {@code EXTRACT_CATEGORY_NOT_ALLOWED}: the dataset holds categories its agreement does not list
 * (compared exactly, as the agreement spells them); the explanation names each one.
 */
public final class AgreementCategoriesRule {
  public static final String CODE = "EXTRACT_CATEGORY_NOT_ALLOWED";

  private AgreementCategoriesRule() {}

  /** @param agreement the release's agreement; null (not configured) is never flagged here */
  public static Optional<Flag> check(ExtractRelease release, DataSharingAgreement agreement) {
    if (agreement == null) {
      return Optional.empty();
    }
    List<String> outside = release.dataset().categories().stream()
        .filter(category -> !agreement.categories().contains(category))
        .toList();
    if (outside.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Flag(CODE, "The dataset holds "
        + (outside.size() == 1 ? "a category" : "categories") + " that agreement "
        + agreement.id() + " does not allow: " + String.join(", ", outside)
        + ". It allows " + String.join(", ", agreement.categories()) + "."));
  }
}
