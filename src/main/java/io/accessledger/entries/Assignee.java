package io.accessledger.entries;

import java.util.Optional;

/**
 * Who an {@code ALLOCATION} allocates the case to: a worker (an actor id) or a team (a team id).
 * Ingest requires exactly one; both are empty only on an entry it never passed.
 */
public record Assignee(Optional<String> worker, Optional<String> team) {
  static Assignee read(Fields assignee) {
    return new Assignee(assignee.optionalText("worker"), assignee.optionalText("team"));
  }
}
