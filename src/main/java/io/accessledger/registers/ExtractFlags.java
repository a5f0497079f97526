package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every flag of an extract release against the configured agreements, in a fixed order: unknown
 * agreement, pseudonymisation, dates, categories, recipient, legal bases.
 */
public final class ExtractFlags {
  private ExtractFlags() {}

  /** @param zone the service's zone ({@code ledger.zone}): the release's day is taken there */
  public static List<Flag> of(ExtractRelease release, DataSharingAgreements agreements,
      ZoneId zone) {
    DataSharingAgreement agreement = agreements.find(release.agreement()).orElse(null);
    return Stream.of(
            ExtractAgreementRule.check(release, agreements),
            PseudonymisationRule.check(release, agreement),
            AgreementDatesRule.check(release, agreement, zone),
            AgreementCategoriesRule.check(release, agreement),
            AgreementRecipientRule.check(release, agreement),
            AgreementBasisRule.check(release, agreement))
        .flatMap(Optional::stream)
        .toList();
  }
}
