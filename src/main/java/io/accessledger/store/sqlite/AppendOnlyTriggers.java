package io.accessledger.store.sqlite;

import io.accessledger.store.GuardFault;
import io.accessledger.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The ledger's append-only triggers, as the shipped migrations create them, compared with a ledger
 * file's and put back into it.
 *
 * <p>What the migrations create is read, once per process, from a throwaway in-memory database
 * the migrations are applied to: the lists cannot drift from the scripts, and a migration that
 * adds or changes a trigger or a table is covered with no edit here. A file's trigger is in place
 * when its {@code sqlite_master} row holds the migration's SQL text, white space between tokens
 * aside: SQLite compiles a trigger from that text whenever it opens the file, so the same text is
 * the same trigger, and any other text (a body that no longer raises, another table or event) is
 * reported as altered. Any other trigger on a table the migrations create is reported as
 * unexpected: it runs on the service's own writes, and {@code RAISE(IGNORE)} in a {@code BEFORE
 * INSERT} one makes a commit succeed while storing nothing.
 *
 * <p>Names are compared as SQLite compares them (ASCII letters regardless of case, every other
 * character exactly), and a name read from the file is only ever put into SQL quoted: it is
 * whatever whoever added the trigger chose.
 */
final class AppendOnlyTriggers {
  private static final String TRIGGERS =
      "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'";
  private static final String TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'";

  private AppendOnlyTriggers() {}

  /** Derived on first use: the tests and a running server ask for it; many commands never do. */
  private static final class Schema {
    /** Trigger name to its SQL, as the migrations create them, by name. */
    static final Map<String, String> EXPECTED;
    /** The tables the migrations create (schema_migrations among them), by {@link #key}. */
    static final Set<String> LEDGER_TABLES;

    static {
      try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
        SqliteMigrations.apply(Jdbi.create(memory));
        Map<String, String> triggers = new TreeMap<>();
        for (Trigger trigger : present(memory)) {
          triggers.put(trigger.name(), trigger.sql());
        }
        Set<String> tables = new HashSet<>();
        try (Statement s = memory.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
          while (rs.next()) {
            tables.add(key(rs.getString(1)));
          }
        }
        EXPECTED = Collections.unmodifiableMap(triggers);
        LEDGER_TABLES = Set.copyOf(tables);
      } catch (SQLException e) {
        throw new StoreException("cannot derive the ledger's triggers from its migrations: "
            + e.getMessage(), e);
      }
    }
  }

  /** A trigger as {@code sqlite_master} holds it. */
  private record Trigger(String name, String table, String sql) {}

  /** The names of the triggers the migrations create, sorted. */
  static List<String> names() {
    return List.copyOf(Schema.EXPECTED.keySet());
  }

  /**
   * The migrations' triggers that {@code connection}'s database lacks or holds with other SQL, by
   * name, then every other trigger on a table the migrations create, by name: one read of
   * {@code sqlite_master}.
   */
  static List<GuardFault> faults(Connection connection) throws SQLException {
    Map<String, Trigger> present = byKey(connection);
    List<GuardFault> faults = new ArrayList<>();
    for (Map.Entry<String, String> trigger : Schema.EXPECTED.entrySet()) {
      Trigger found = present.remove(key(trigger.getKey()));
      if (found == null) {
        faults.add(new GuardFault(trigger.getKey(), GuardFault.Kind.MISSING));
      } else if (!sameSql(trigger.getValue(), found.sql())
          || !trigger.getKey().equals(found.name())) {
        faults.add(new GuardFault(trigger.getKey(), GuardFault.Kind.ALTERED));
      }
    }
    for (Trigger other : present.values()) {
      if (other.table() != null && Schema.LEDGER_TABLES.contains(key(other.table()))) {
        faults.add(new GuardFault(other.name(), GuardFault.Kind.UNEXPECTED));
      }
    }
    return faults;
  }

  /**
   * Creates each missing trigger, replaces each altered one with the migration's and drops each
   * unexpected one, on {@code connection}, which must be inside a write transaction: the caller
   * commits, or rolls back on failure so that nothing changes.
   *
   * @return the faults repaired
   * @throws StoreException if a trigger is still not in place afterwards
   */
  static List<GuardFault> restore(Connection connection) throws SQLException {
    List<GuardFault> faults = faults(connection);
    if (faults.isEmpty()) {
      return faults;
    }
    Map<String, Trigger> present = byKey(connection);
    try (Statement s = connection.createStatement()) {
      for (GuardFault fault : faults) {
        if (fault.kind() != GuardFault.Kind.MISSING) {
          // The one drop of a trigger in the source: an altered one no longer guards its table as
          // the migration's does (the same transaction creates the migration's in its place), and
          // an unexpected one runs on the ledger's writes. In main: a TEMP trigger of the same
          // name would be dropped first otherwise.
          s.executeUpdate("DROP TRIGGER main." + quoted(present.get(key(fault.guard())).name()));
        }
        if (fault.kind() != GuardFault.Kind.UNEXPECTED) {
          s.executeUpdate(Schema.EXPECTED.get(fault.guard()));
        }
      }
    }
    List<GuardFault> left = faults(connection);
    if (!left.isEmpty()) {
      throw new StoreException("recreating the append-only triggers left "
          + GuardFault.describe(left));
    }
    return faults;
  }

  /** The database's triggers, by {@link #key}, in name order. */
  private static Map<String, Trigger> byKey(Connection connection) throws SQLException {
    Map<String, Trigger> present = new TreeMap<>();
    for (Trigger trigger : present(connection)) {
      present.put(key(trigger.name()), trigger);
    }
    return present;
  }

  private static List<Trigger> present(Connection connection) throws SQLException {
    List<Trigger> present = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TRIGGERS)) {
      while (rs.next()) {
        present.add(new Trigger(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return present;
  }

  /**
   * Whether two trigger definitions are the same text but for the white space between tokens,
   * which changes nothing a trigger does: a jar built with other line endings must not report
   * every trigger as altered.
   */
  private static boolean sameSql(String expected, String found) {
    return found != null && normalized(expected).equals(normalized(found));
  }

  private static String normalized(String sql) {
    return sql.strip().replaceAll("\\s+", " ");
  }

  /**
   * {@code name} with ASCII letters lower-cased and nothing else changed: SQLite's names ignore
   * ASCII case only, so two triggers it tells apart (a Kelvin sign for a {@code K}, say) stay
   * apart here.
   */
  private static String key(String name) {
    StringBuilder key = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      key.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return key.toString();
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
