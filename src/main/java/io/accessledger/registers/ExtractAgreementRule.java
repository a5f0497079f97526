package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.util.Optional;

/**
 * {@code EXTRACT_UNKNOWN_AGREEMENT}: the release names an {@code agreement} that is not configured
 * (ids are compared exactly). Such a release cannot be checked against any terms, so the other
 * agreement rules stay silent about it; only {@link PseudonymisationRule} still applies.
 */
public final class ExtractAgreementRule {
  public static final String CODE = "EXTRACT_UNKNOWN_AGREEMENT";

  private ExtractAgreementRule() {}

  public static Optional<Flag> check(ExtractRelease release, DataSharingAgreements agreements) {
    if (agreements.find(release.agreement()).isPresent()) {
      return Optional.empty();
    }
    String hint = agreements.sameIgnoringCase(release.agreement())
        .map(known -> " (ids are compared exactly; the configured " + known
            + " differs only in letter case)")
        .orElse("");
    return Optional.of(new Flag(CODE, "No data-sharing agreement " + release.agreement()
        + " is configured" + hint + ", so nothing authorises this release and its dates,"
        + " categories, recipient and legal bases cannot be checked against any terms."));
  }
}
