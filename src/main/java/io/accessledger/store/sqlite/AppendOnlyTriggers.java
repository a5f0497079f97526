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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The ledger's append-only triggers, as the shipped migrations create them, compared with a ledger
 * file's and put back into it.
 *
 * <p>What the migrations create is read, once per process, from a throwaway in-memory database
 * the migrations are applied to: the list cannot drift from the scripts, and a migration that
 * adds or changes a trigger is covered with no edit here. A file's trigger is in place when its
 * {@code sqlite_master} row holds the migration's SQL text, white space between tokens aside:
 * SQLite compiles a trigger from that text whenever it opens the file, so the same text is the
 * same trigger, and any other text (a body that no longer raises, another table or event) is
 * reported as altered.
 */
final class AppendOnlyTriggers {
  private static final String TRIGGERS =
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'";

  private AppendOnlyTriggers() {}

  /** Derived on first use: the tests and a running server ask for it; many commands never do. */
  private static final class Schema {
    /** Trigger name to its SQL, as the migrations create them, by name. */
    static final Map<String, String> EXPECTED = derive();

    private static Map<String, String> derive() {
      try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
        SqliteMigrations.apply(Jdbi.create(memory));
        Map<String, String> triggers = new TreeMap<>();
        try (Statement s = memory.createStatement(); ResultSet rs = s.executeQuery(TRIGGERS)) {
          while (rs.next()) {
            triggers.put(rs.getString(1), rs.getString(2));
          }
        }
        return Collections.unmodifiableMap(triggers);
      } catch (SQLException e) {
        throw new StoreException("cannot derive the ledger's triggers from its migrations: "
            + e.getMessage(), e);
      }
    }
  }

  /** The names of the triggers the migrations create, sorted. */
  static List<String> names() {
    return List.copyOf(Schema.EXPECTED.keySet());
  }

  /**
   * The migrations' triggers that {@code connection}'s database lacks or holds with other SQL, by
   * name: one read of {@code sqlite_master}.
   */
  static List<GuardFault> faults(Connection connection) throws SQLException {
    Map<String, String[]> present = present(connection);
    List<GuardFault> faults = new ArrayList<>();
    for (Map.Entry<String, String> trigger : Schema.EXPECTED.entrySet()) {
      String[] found = present.get(key(trigger.getKey()));
      if (found == null) {
        faults.add(new GuardFault(trigger.getKey(), GuardFault.Kind.MISSING));
      } else if (!sameSql(trigger.getValue(), found[1]) || !trigger.getKey().equals(found[0])) {
        faults.add(new GuardFault(trigger.getKey(), GuardFault.Kind.ALTERED));
      }
    }
    return faults;
  }

  /**
   * Creates each missing trigger and replaces each altered one with the migration's, on
   * {@code connection}, which must be inside a write transaction: the caller commits, or rolls
   * back on failure so that nothing changes.
   *
   * @return the faults repaired
   * @throws StoreException if a trigger is still not in place afterwards
   */
  static List<GuardFault> restore(Connection connection) throws SQLException {
    List<GuardFault> faults = faults(connection);
    if (faults.isEmpty()) {
      return faults;
    }
    Map<String, String[]> present = present(connection);
    try (Statement s = connection.createStatement()) {
      for (GuardFault fault : faults) {
        if (fault.kind() == GuardFault.Kind.ALTERED) {
          // The one drop of a trigger in the source: this one no longer guards its table as the
          // migration's does, and the same transaction creates the migration's in its place.
          s.executeUpdate("DROP TRIGGER " + quoted(present.get(key(fault.guard()))[0]));
        }
        s.executeUpdate(Schema.EXPECTED.get(fault.guard()));
      }
    }
    List<GuardFault> left = faults(connection);
    if (!left.isEmpty()) {
      throw new StoreException("recreating the append-only triggers left "
          + GuardFault.describe(left));
    }
    return faults;
  }

  /** The database's triggers, by lower-cased name (SQLite's names ignore ASCII case): {name, sql}. */
  private static Map<String, String[]> present(Connection connection) throws SQLException {
    Map<String, String[]> present = new HashMap<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TRIGGERS)) {
      while (rs.next()) {
        present.put(key(rs.getString(1)), new String[] {rs.getString(1), rs.getString(2)});
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

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
