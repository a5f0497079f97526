package io.accessledger.events;

import java.time.Instant;
import java.util.Set;

/**
 * An {@code ALLOCATION} (contract section 5): a worker or a team allocated to a subject's case
 * from a time, until a time or open-ended. A later {@code ALLOCATION} with the same
 * {@code allocationId} and a {@code to} ends it. The need-to-know audit explains views by them.
 */
final class AllocationRules {
  static final Set<String> FIELDS =
      CommonRules.fieldsPlus("subject", "allocationId", "assignee", "from", "to");
  static final Set<String> ASSIGNEE_FIELDS = Set.of("worker", "team");

  private AllocationRules() {}

  static void check(Node event) {
    Shapes.subject(event);
    event.id("allocationId", true);
    Node assignee = event.object("assignee", true);
    if (assignee != null) {
      assignee.onlyFields(ASSIGNEE_FIELDS);
      boolean worker = assignee.has("worker");
      boolean team = assignee.has("team");
      if (worker == team) {
        assignee.error("must name exactly one of worker (an actor id) or team (a team id)");
      } else {
        assignee.id(worker ? "worker" : "team", true);
      }
    }
    String from = event.timestamp("from", true);
    String to = event.timestamp("to", false);
    if (from != null && to != null && Instant.parse(to).isBefore(Instant.parse(from))) {
      event.error("to", Node.NO_INDEX, "must not be before from (" + from + ")");
    }
  }
}
