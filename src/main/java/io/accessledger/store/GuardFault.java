package io.accessledger.store;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An append-only guard of the ledger's schema (a trigger refusing UPDATE or DELETE on a ledger
 * table, in the SQL backends) that is not in place as the schema defines it. Anyone holding the
 * database can drop or replace the guards; the entries stay tamper-evident without them (every
 * edit is caught by re-deriving the log), but the database no longer refuses edits, so a missing
 * guard is reported by {@code verify}, the health check and start-up.
 *
 * @param guard the guard's name in the schema, such as {@code leaves_no_delete}
 * @param kind what is wrong with it
 */
public record GuardFault(String guard, Kind kind) {
  /** What is wrong with a guard. */
  public enum Kind {
    /** The schema defines it, the database does not have it. */
    MISSING,
    /** The database has a guard of that name whose definition differs from the schema's. */
    ALTERED
  }

  public GuardFault {
    Objects.requireNonNull(guard, "guard");
    Objects.requireNonNull(kind, "kind");
  }

  /** {@code leaves_no_delete (missing)} or {@code leaves_no_update (altered)}, for reports. */
  @Override
  public String toString() {
    return guard + " (" + (kind == Kind.MISSING ? "missing" : "altered") + ")";
  }

  /** The faults as {@code a (missing), b (altered)}, in their order. */
  public static String describe(List<GuardFault> faults) {
    return faults.stream().map(GuardFault::toString).collect(Collectors.joining(", "));
  }
}
