package io.accessledger.registers;

import io.accessledger.entries.Person;
import io.accessledger.entries.ShareDecision;
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
    String approver = share.approvedBy().map(Person::id).orElse(null);
    if (approver != null && approver.equals(share.decidedBy().id())) {
      return Optional.of(new Flag(CODE, "The decision " + share.decision() + " was approved by "
          + approver + ", who also made it: no second person signed it off."));
    }
    if (approver != null) {
      return Optional.empty();
    }
    return Optional.of(new Flag(CODE, "No approver is recorded (approvedBy is absent): the "
        + "decision " + share.decision() + " made by " + share.decidedBy().id()
        + " was not signed off by anyone else."));
  }
}
