package io.accessledger.entries;

import java.util.Optional;

/**
 * A {@code VIEW} (contract section 4): someone opened a record about a subject.
 *
 * @param subject the id of the child whose record was opened ({@code subject.id}); null only
 *     when not given
 * @param record the record opened, or {@link RecordRef#NONE}
 * @param breakGlass true only when the leaf holds JSON {@code true}: an emergency override
 * @param reason why, when given (ingest requires one for a break-glass view)
 */
public record View(
    Header header, String subject, RecordRef record, boolean breakGlass, Optional<String> reason)
    implements LedgerEvent {
  public static final String TYPE = "VIEW";

  static View read(Header header, Fields event) {
    return new View(header, event.object("subject").text("id"),
        RecordRef.read(event.object("record")), Boolean.TRUE.equals(event.bool("breakGlass")),
        event.optionalText("reason"));
  }
}
