package io.accessledger.registers;

import java.util.Optional;

/**
 * {@code SHARE_NOT_APPROVED}: the decision names no {@code approvedBy}, or names the person who
 * made it. The contract asks it of every decision, to share or not: both are decisions about a
 * child made without consent, and the record should show a second person signed them off.
 */
public final class ShareApprovalRule {
  public static final String CODE = "SHARE_NOT_APPROVED";

  private ShareApprovalRule() {}

  public static Optional<Flag> check(ShareDecision share) {
    if (share.approvedBy() != null && share.approvedBy().equals(share.decidedBy())) {
      return Optional.of(new Flag(CODE, "The decision " + share.decision() + " was approved by "
          + share.approvedBy() + ", who also made it: no second person signed it off."));
    }
    if (share.approvedBy() != null) {
      return Optional.empty();
    }
    return Optional.of(new Flag(CODE, "No approver is recorded (approvedBy is absent): the "
        + "decision " + share.decision() + " made by " + share.decidedBy()
        + " was not signed off by anyone else."));
  }
}
