package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.util.Optional;

/**
 * {@code EXTRACT_NOT_PSEUDONYMISED}: the dataset is not recorded as pseudonymised
 * ({@code dataset.pseudonymised} is not true) while its agreement allows only pseudonymised data,
 * or while no configured agreement covers it at all (identifiable data released with no known
 * terms is the worse case, not the lesser).
 */
public final class PseudonymisationRule {
  public static final String CODE = "EXTRACT_NOT_PSEUDONYMISED";

  private PseudonymisationRule() {}

  /** @param agreement the release's agreement, or null when it is not configured */
  public static Optional<Flag> check(ExtractRelease release, DataSharingAgreement agreement) {
    if (Boolean.TRUE.equals(release.dataset().pseudonymised())) {
      return Optional.empty();
    }
    if (agreement != null && !agreement.pseudonymisedOnly()) {
      return Optional.empty();
    }
    String terms = agreement == null
        ? "no configured agreement allows identifiable data to be released"
        : "agreement " + agreement.id() + " allows only pseudonymised data";
    return Optional.of(new Flag(CODE, "The dataset " + release.dataset().name()
        + " was released without pseudonymisation (dataset.pseudonymised is "
        + release.dataset().pseudonymised() + "), but " + terms + "."));
  }
}
