package io.accessledger.entries;

import java.util.Optional;

/**
 * An {@code EXTRACT_RELEASE} entry (contract sections 2 and 4): a dataset released to an outside
 * body under a data-sharing agreement. The stored release carries {@code subjectCount} in place of
 * the subjects posted (each has its own {@link ExtractSubject} entry), so it identifies no child.
 *
 * @param dataset what was released; one with every field not given when the leaf has none
 * @param subjectCount how many children it covers; null only when not given
 */
public record ExtractRelease(
    Header header,
    Recipient recipient,
    String agreement,
    Dataset dataset,
    Long subjectCount,
    Optional<Person> approvedBy)
    implements LedgerEvent {
  public static final String TYPE = "EXTRACT_RELEASE";

  static ExtractRelease read(Header header, Fields event) {
    return new ExtractRelease(header, Recipient.read(event.object("recipient")),
        event.text("agreement"), Dataset.read(event.object("dataset")),
        event.integer("subjectCount"), Person.optional(event, "approvedBy"));
  }
}
