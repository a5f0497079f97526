package io.accessledger.report;

import java.util.List;

/**
 * A decision, taken without the family's consent, to share information about the child (or not
 * to): with whom, on what grounds, why consent was not relied on, what information, who decided
 * and approved it and who recorded it, and the legal bases. {@code approvedBy},
 * {@code recipient.role}, {@code subjectInformed}, {@code notInformedReason} and
 * {@code courtOrder} are null when the event did not give them. Other children the decision named
 * are never mentioned.
 */
public record ShareItem(
    String occurredAt,
    Coded decision,
    Recipient recipient,
    Coded grounds,
    Coded consent,
    String consentReason,
    List<String> dataShared,
    String purpose,
    String rationale,
    Staff recordedBy,
    Staff decidedBy,
    Staff approvedBy,
    Boolean subjectInformed,
    String notInformedReason,
    CourtOrder courtOrder,
    List<Ground> legalBasis,
    Ref entry) {
  public ShareItem {
    dataShared = List.copyOf(dataShared);
    legalBasis = List.copyOf(legalBasis);
  }
}
