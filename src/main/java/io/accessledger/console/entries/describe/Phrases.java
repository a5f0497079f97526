package io.accessledger.console.entries.describe;

import io.accessledger.entries.Header;
import io.accessledger.entries.Person;
import io.accessledger.report.Wording;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pieces every describer's sentence is made of: people, times in the service's zone, the
 * purpose and the legal bases. What an entry does not give is said to be missing ("a child not
 * named", "with no purpose recorded"), never left out, so a sentence cannot hide a gap in the
 * record. Immutable and thread-safe.
 */
final class Phrases {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

  private final ZoneId zone;
  private final LegalWords legal;

  Phrases(ZoneId zone, LegalWords legal) {
    this.zone = zone;
    this.legal = legal;
  }

  /**
   * "Jo Bloggs (social worker, north-cin)": the name the event gives, else the id, with the role
   * in words and the team; "someone not named" when the entry names no one.
   */
  static String person(Person person) {
    String name = person.displayName().orElse(person.id());
    if (name == null) {
      return "someone not named";
    }
    List<String> about = new ArrayList<>();
    person.role().map(Wording::words).ifPresent(about::add);
    person.team().ifPresent(about::add);
    return about.isEmpty() ? name : name + " (" + String.join(", ", about) + ")";
  }

  /**
   * {@link #person} at the start of a sentence: "Someone not named" when the entry names no one;
   * a name or id as written otherwise (an id such as {@code sw-1} keeps its case).
   */
  static String who(Person person) {
    String named = person(person);
    return person.displayName().isEmpty() && person.id() == null ? Wording.capitalised(named) : named;
  }

  /** "on 3 March 2026 at 14:05"; says so when the entry's time is missing or not a time. */
  String when(Header header) {
    if (header.at() != null) {
      return "on " + moment(header.at());
    }
    return header.occurredAt() == null ? "at a time not recorded"
        : "at a time recorded as " + quoted(header.occurredAt()) + ", which is not a valid time";
  }

  /** "3 March 2026 at 14:05", in the service's zone. */
  String moment(Instant at) {
    return DAY.format(at.atZone(zone)) + " at " + TIME.format(at.atZone(zone));
  }

  /** A {@code YYYY-MM-DD} day as "1 January 2020"; anything else as written, or "not stated". */
  static String day(String text) {
    if (text == null) {
      return "a day not stated";
    }
    try {
      return DAY.format(LocalDate.parse(text));
    } catch (DateTimeException e) {
      return text;
    }
  }

  /**
   * "for 'case work', under UK GDPR Article 6(1)(e) (public task) and ...": why a posted event
   * was recorded, with each legal basis cited in words.
   */
  String why(Header header) {
    String purpose = header.purpose() == null ? "with no purpose recorded"
        : "for " + quoted(header.purpose());
    if (header.legalBasis().isEmpty()) {
      return purpose + ", citing no legal basis";
    }
    return purpose + ", under "
        + list(header.legalBasis().stream().map(legal::citation).toList());
  }

  /** {@code 'text'}, or "(none recorded)" for null. */
  static String quoted(String text) {
    return text == null ? "(none recorded)" : "'" + text + "'";
  }

  /** "a", "a and b", "a, b and c"; "" for none. */
  static String list(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and "
        + items.get(items.size() - 1);
  }

  /** "1 child", "2 children". */
  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** {@code value}, or {@code absent} when it is null. */
  static String or(String value, String absent) {
    return value == null ? absent : value;
  }
}
