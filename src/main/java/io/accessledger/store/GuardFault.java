package io.accessledger.store;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An append-only guard of the ledger's schema (a trigger refusing UPDATE or DELETE on a ledger
 * table, in the SQL backends) that is not in place as the schema defines it, or a trigger on a
 * ledger table that the schema does not define. Anyone holding the database can drop, replace or
 * add triggers; the entries stay tamper-evident whatever they do (every edit is caught by
 * re-deriving the log), but a missing guard means the database no longer refuses edits, and an
 * added trigger runs on the service's own writes (it can make an append store nothing, or write
 * elsewhere), so each is reported by {@code verify}, the health check and start-up.
 *
 * @param guard the guard's name in the schema, such as {@code leaves_no_delete}; for an
 *     {@link Kind#UNEXPECTED} trigger, its name in the database, which whoever added it chose
 * @param kind what is wrong with it
 */
public record GuardFault(String guard, Kind kind) {
  /** Longest name shown in reports; the rest is cut, as a name is whatever the database holds. */
  private static final int SHOWN_NAME_CHARS = 100;

  /** What is wrong with a guard. */
  public enum Kind {
    /** The schema defines it, the database does not have it. */
    MISSING,
    /** The database has a guard of that name whose definition differs from the schema's. */
    ALTERED,
    /** The database has a trigger on a ledger table that the schema does not define. */
    UNEXPECTED
  }

  public GuardFault {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * {@code leaves_no_delete (missing)}, {@code leaves_no_update (altered)} or
   * {@code x (unexpected)}, for reports. A name that is not a plain identifier is shown quoted,
   * with control and non-ASCII characters escaped and cut after 100 characters: an unexpected
   * trigger's name comes from the database, and must not forge a line of a log or a report.
   */
  @Override
  public String toString() {
    return shown(guard) + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
  }

  /** The faults as {@code a (missing), b (altered)}, in their order. */
  public static String describe(List<GuardFault> faults) {
    return faults.stream().map(GuardFault::toString).collect(Collectors.joining(", "));
  }

  /**
   * What {@code faults} mean for the ledger, in one or two sentences: the database no longer
   * refuses edits (a guard missing or altered), and/or a trigger someone added runs on the
   * service's writes.
   */
  public static String consequences(List<GuardFault> faults) {
    StringBuilder said = new StringBuilder();
    if (faults.stream().anyMatch(f -> f.kind() != Kind.UNEXPECTED)) {
      said.append("The database no longer refuses UPDATE and DELETE on the ledger's tables.");
    }
    if (faults.stream().anyMatch(f -> f.kind() == Kind.UNEXPECTED)) {
      said.append(said.isEmpty() ? "" : " ").append("A trigger the migrations do not create runs"
          + " on writes to the ledger's tables: it can make an append store nothing, or write"
          + " elsewhere.");
    }
    return said.toString();
  }

  private static String shown(String name) {
    if (name.matches("[A-Za-z0-9_]{1," + SHOWN_NAME_CHARS + "}")) {
      return name;
    }
    StringBuilder shown = new StringBuilder("\"");
    int end = Math.min(name.length(), SHOWN_NAME_CHARS);
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      if (c == '"' || c == '\\') {
        shown.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    return shown.append(end < name.length() ? "\"…" : "\"").toString();
  }
}
