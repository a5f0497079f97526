package io.accessledger.entries;

import java.time.Instant;
import java.util.Optional;

/**
 * An {@code ALLOCATION} (contract section 5): a worker or a team allocated to a child's case from
 * a time, until a time or open-ended. A later allocation with the same {@code allocationId} and a
 * {@code to} ends it.
 *
 * @param subject the child's id; null only when not given
 * @param allocationId null only when not given
 * @param from the start; null when not given or not an RFC 3339 time
 * @param to the end, when given as an RFC 3339 time
 */
public record Allocation(
    Header header,
    String subject,
    String allocationId,
    Assignee assignee,
    Instant from,
    Optional<Instant> to)
    implements LedgerEvent {
  public static final String TYPE = "ALLOCATION";

  static Allocation read(Header header, Fields event) {
    return new Allocation(header, event.object("subject").text("id"), event.text("allocationId"),
        Assignee.read(event.object("assignee")), event.instant("from"),
        Optional.ofNullable(event.instant("to")));
  }
}
