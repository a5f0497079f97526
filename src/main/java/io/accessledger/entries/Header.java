package io.accessledger.entries;

import java.time.Instant;
import java.util.List;

/**
 * The fields an entry of any type may carry (contract sections 3 and 4). Every entry has a {@code
 * type}, an {@code eventId} and an {@code occurredAt}; every posted event, an {@code AUDIT_QUERY}
 * and a {@code REVIEW} have an {@code actor}; every posted event has a {@code purpose} and one or
 * more {@code legalBasis} codes. Read by the package's rules: what is not given is null, {@link
 * Person#NONE} or an empty list (always, for the fields an entry of its type does not have).
 *
 * @param type the entry type as recorded ({@code VIEW}, {@code AUDIT_QUERY}, ...)
 * @param occurredAt when it happened, as written (a report shows it so)
 * @param at {@code occurredAt} as an instant; null when not given or not an RFC 3339 time (no
 *     time window holds such an entry)
 * @param actor who did it, or {@link Person#NONE} ({@code EXTRACT_SUBJECT} and {@code
 *     MAINTENANCE} entries name no one)
 * @param purpose why; null for the entries the ledger writes itself
 * @param legalBasis the legal-basis codes, in order; empty for the entries the ledger writes
 */
public record Header(
    String type,
    String eventId,
    String occurredAt,
    Instant at,
    Person actor,
    String purpose,
    List<String> legalBasis) {
  public Header {
    legalBasis = List.copyOf(legalBasis);
  }

  static Header read(Fields event) {
    return new Header(event.text("type"), event.text("eventId"), event.text("occurredAt"),
        event.instant("occurredAt"), Person.read(event.object("actor")), event.text("purpose"),
        event.texts("legalBasis"));
  }
}
