package io.accessledger.registers;

import io.accessledger.entries.ExtractRelease;
import java.util.Optional;

/**
 * {@code EXTRACT_RECIPIENT_MISMATCH}: the data went to an organisation other than the one its
 * agreement names, by its name or one of its aliases ({@link DataSharingAgreement#allowsRecipient}:
 * letter case and runs of white space ignored). Not in the contract's list: an
 * agreement allows one recipient, and a release to another is the breach a DPO most needs to see.
 */
public final class AgreementRecipientRule {
  public static final String CODE = "EXTRACT_RECIPIENT_MISMATCH";

  private AgreementRecipientRule() {}

  /** @param agreement the release's agreement; null (not configured) is never flagged here */
  public static Optional<Flag> check(ExtractRelease release, DataSharingAgreement agreement) {
    if (agreement == null || agreement.allowsRecipient(release.recipient().organisation())) {
      return Optional.empty();
    }
    String alsoWritten = agreement.aliases().isEmpty() ? ""
        : " (also written " + String.join(", ", agreement.aliases()) + ")";
    return Optional.of(new Flag(CODE, "The dataset was released to " + release.recipient().organisation()
        + ", but agreement " + agreement.id() + " allows releases only to "
        + agreement.recipient() + alsoWritten + "."));
  }
}
