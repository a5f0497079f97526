package io.accessledger.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems found in one event, up to a cap. Not thread-safe: one per validation.
 *
 * <p>The cap keeps a hostile or badly broken event (say 100 000 malformed subjects) from producing
 * an answer larger than the event itself; loops over big arrays check {@link #full()} and stop.
 */
final class Errors {
  private final int cap;
  private List<FieldError> found = List.of();

  Errors(int cap) {
    this.cap = cap;
  }

  void add(String field, String message) {
    if (found.size() >= cap) {
      return;
    }
    if (found.isEmpty()) {
      // Most events are valid: allocate the list only on the first problem.
      found = new ArrayList<>();
    }
    found.add(new FieldError(field, message));
  }

  /** Whether the cap is reached, so callers can stop looking. */
  boolean full() {
    return found.size() >= cap;
  }

  List<FieldError> list() {
    return List.copyOf(found);
  }
}
