package io.accessledger.report;

import java.util.List;

/**
 * A data extract that included the child: to whom it was released, under which data-sharing
 * agreement, which dataset (its name, kinds of information, the period it covers, whether it was
 * pseudonymised), why, by whom, and on what legal grounds. {@code entry} is the child's own
 * {@code EXTRACT_SUBJECT} entry and {@code release} the release entry it points at; neither names
 * any other child.
 */
public record ExtractItem(
    String occurredAt,
    Recipient recipient,
    String agreement,
    String dataset,
    List<String> categories,
    boolean pseudonymised,
    String periodFrom,
    String periodTo,
    String purpose,
    Staff releasedBy,
    Staff approvedBy,
    List<Ground> legalBasis,
    Ref entry,
    Ref release) {
  public ExtractItem {
    categories = List.copyOf(categories);
    legalBasis = List.copyOf(legalBasis);
  }
}
