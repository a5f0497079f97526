package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.who;

import io.accessledger.entries.Allocation;
import io.accessledger.entries.Assignee;
import io.accessledger.entries.Header;

/**
 * An {@code ALLOCATION} in words: who the child's case was allocated to, from when, until when;
 * the facts the need-to-know audit explains views by.
 */
final class AllocationWords {
  private AllocationWords() {}

  static String of(Allocation allocation, Phrases phrases) {
    Header header = allocation.header();
    return who(header.actor()) + " allocated the case of "
        + or(allocation.subject(), "a child not named") + " to " + assignee(allocation.assignee())
        + " from " + (allocation.from() == null ? "a time not recorded"
            : phrases.moment(allocation.from()))
        + allocation.to().map(to -> " until " + phrases.moment(to)).orElse(", with no end set")
        + " (allocation " + or(allocation.allocationId(), "with no id") + "). Recorded "
        + phrases.when(header) + ", " + phrases.why(header) + ".";
  }

  private static String assignee(Assignee assignee) {
    if (assignee.worker().isPresent()) {
      return "the worker " + assignee.worker().get();
    }
    return assignee.team().map(team -> "the team " + team).orElse("no one named");
  }
}
