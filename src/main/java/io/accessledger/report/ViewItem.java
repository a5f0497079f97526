package io.accessledger.report;

import java.util.List;

/**
 * Someone looked at the child's record: when ({@code occurredAt}, as the records system stated
 * it), who, which record, for what purpose and on what legal grounds. {@code breakGlass} marks an
 * emergency override of the usual access rules; {@code reason} is the reason the records system
 * recorded (required for break-glass access), or null.
 */
public record ViewItem(
    String occurredAt,
    Staff viewer,
    String recordType,
    String recordId,
    String purpose,
    boolean breakGlass,
    String reason,
    List<Ground> legalBasis,
    Ref entry) {
  public ViewItem {
    legalBasis = List.copyOf(legalBasis);
  }
}
