package io.accessledger.report;

import java.util.List;

/**
 * Any other entry naming the child (an allocation or a case closure, say): its type, who recorded
 * it, why and on what grounds. Only these common fields are shown, so that an event type this
 * version does not know cannot put a staff id past the naming policy.
 */
public record OtherItem(
    String occurredAt, Coded type, Staff actor, String purpose, List<Ground> legalBasis,
    Ref entry) {
  public OtherItem {
    legalBasis = List.copyOf(legalBasis);
  }
}
