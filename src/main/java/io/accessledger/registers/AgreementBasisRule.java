package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.util.List;
import java.util.Optional;

/**
 * {@code BASIS_GROUNDS_MISMATCH} for an extract: the release does not cite every code its
 * agreement's {@code legalBases} lists. For an extract the agreement is the ground of the release,
 * and LEGAL-BASES.md's pairing for evaluation or research ({@code UKGDPR-6-1-e} +
 * {@code UKGDPR-9-2-j} + {@code DPA2018-S1-P4}) is configured there, as the shipped
 * {@code WWCSC-FAMILY-VALUED} example does. Other codes the release cites are not held against it.
 */
public final class AgreementBasisRule {
  public static final String CODE = ShareBasisRule.CODE;

  private AgreementBasisRule() {}

  /** @param agreement the release's agreement; null (not configured) is never flagged here */
  public static Optional<Flag> check(ExtractRelease release, DataSharingAgreement agreement) {
    if (agreement == null) {
      return Optional.empty();
    }
    List<String> missing = agreement.legalBases().stream()
        .filter(code -> !release.header().legalBasis().contains(code))
        .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Flag(CODE, "Agreement " + agreement.id() + " expects every release to"
        + " cite " + String.join(", ", agreement.legalBases()) + " (LEGAL-BASES.md, expected"
        + " pairings), but this one does not cite " + String.join(", ", missing) + "."));
  }
}
