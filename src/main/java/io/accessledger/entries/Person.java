package io.accessledger.entries;

import java.util.Optional;

/**
 * A member of staff or an API client as an event names them ({@code actor}, {@code decidedBy},
 * {@code approvedBy}): {@code {id, role?, team?, displayName?}}.
 *
 * @param id the person's id; null only when not given (never, in an event ingest accepted)
 */
public record Person(
    String id, Optional<String> role, Optional<String> team, Optional<String> displayName) {
  /** No one: what a required person reads as when the entry names none. */
  public static final Person NONE =
      new Person(null, Optional.empty(), Optional.empty(), Optional.empty());

  static Person read(Fields person) {
    return new Person(person.text("id"), person.optionalText("role"),
        person.optionalText("team"), person.optionalText("displayName"));
  }

  static Optional<Person> optional(Fields event, String field) {
    return event.optionalObject(field).map(Person::read);
  }
}
