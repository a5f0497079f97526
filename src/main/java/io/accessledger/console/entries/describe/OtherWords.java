package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.person;

import io.accessledger.entries.Header;
import io.accessledger.entries.OtherEvent;
import io.accessledger.entries.Person;

/**
 * An entry of a type this version does not know, or with no type: only the fields every entry
 * has, so nothing is guessed, and a pointer to the leaf, which holds all of it.
 */
final class OtherWords {
  private OtherWords() {}

  static String of(OtherEvent event, Phrases phrases) {
    Header header = event.header();
    String type = header.type() == null ? "An entry with no type" : "An entry of type " + header.type();
    String by = header.actor().equals(Person.NONE) ? "naming no one" : "by " + person(header.actor());
    String why = header.purpose() == null && header.legalBasis().isEmpty() ? ""
        : ", " + phrases.why(header);
    return type + ", " + by + ", " + phrases.when(header) + why + ". This console does not know"
        + " this type, so it describes only the fields every entry has; the leaf below holds all"
        + " of it.";
  }
}
