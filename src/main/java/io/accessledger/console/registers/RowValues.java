package io.accessledger.console.registers;

import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.entries.Header;
import io.accessledger.entries.Person;

/** What both registers' rows show alike: the time in words, people as links to their pages. */
final class RowValues {
  private RowValues() {}

  /** "3 March 2026, 14:05:09" in the service's zone; as written when it is not a time. */
  static String when(Header header, ConsoleDates dates) {
    return header.at() == null ? header.occurredAt() : dates.dateTime(header.at());
  }

  /** The person's name (and id) linked to their page; null for no one named. */
  static Link person(Person person) {
    if (person.id() == null) {
      return null;
    }
    String name = person.displayName().map(n -> n + " (" + person.id() + ")").orElse(person.id());
    return new Link(person.id(), name, ConsoleLinks.actor(person.id()));
  }
}
