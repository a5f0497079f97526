package io.accessledger.store.postgres;

import io.accessledger.store.GuardFault;
import io.accessledger.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only guards of the PostgreSQL ledger: for each ledger table, triggers refusing
 * UPDATE and DELETE (per row) and TRUNCATE (per statement), all calling {@code ledger_refuse()}.
 *
 * <p>A guard is in place when a trigger of its name is on its table, enabled, with exactly the
 * definition the migration gives it ({@code pg_get_triggerdef}), and the function it calls still
 * has the migration's body: replacing the function's body with one that refuses nothing would
 * weaken every guard at once, so then every guard is reported altered. Any other trigger on a
 * ledger table is unexpected. Reading this needs only the catalogs, which any role may read;
 * restoring needs the tables' owner.
 */
final class PostgresGuards {
  static final List<String> TABLES =
      List.of("checkpoints", "cosignatures", "event_ids", "leaves", "link_index", "link_keys",
          "merkle_nodes");

  /** The function's body as the migration creates it (prosrc), white space trimmed. */
  static final String FUNCTION_BODY = "BEGIN\n"
      + "  RAISE EXCEPTION 'ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME\n"
      + "    USING ERRCODE = 'insufficient_privilege';\n"
      + "END";

  private static final String FUNCTION = "CREATE OR REPLACE FUNCTION ledger_refuse() RETURNS"
      + " trigger LANGUAGE plpgsql AS $$\n" + FUNCTION_BODY + "\n$$";

  private PostgresGuards() {}

  /** Every guard's name and its definition as {@code pg_get_triggerdef} prints it, by name. */
  static Map<String, String> schemaGuards() {
    Map<String, String> guards = new TreeMap<>();
    for (String table : TABLES) {
      for (String op : List.of("DELETE", "TRUNCATE", "UPDATE")) {
        String name = table + "_no_" + op.toLowerCase(java.util.Locale.ROOT);
        guards.put(name, "CREATE TRIGGER " + name + " BEFORE " + op + " ON public." + table
            + " FOR EACH " + (op.equals("TRUNCATE") ? "STATEMENT" : "ROW")
            + " EXECUTE FUNCTION ledger_refuse()");
      }
    }
    return guards;
  }

  /** As {@link io.accessledger.store.LedgerStore#appendOnlyGuardFaults}. */
  static List<GuardFault> faults(Connection c) throws SQLException {
    Map<String, String> expected = schemaGuards();
    Map<String, String[]> present = new LinkedHashMap<>(); // name -> {table, definition, enabled}
    try (PreparedStatement query = c.prepareStatement("SELECT t.tgname, r.relname,"
        + " pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t"
        + " JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
        + " WHERE NOT t.tgisinternal AND n.nspname = 'public' AND r.relname = ANY(?)"
        + " ORDER BY t.tgname, r.relname")) {
      query.setArray(1, c.createArrayOf("text", TABLES.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          present.put(rs.getString(1) + "\u0000" + rs.getString(2),
              new String[] {rs.getString(1), rs.getString(3), rs.getString(4)});
        }
      }
    }
    boolean functionIntact = functionIntact(c);
    List<GuardFault> faults = new ArrayList<>();
    for (Map.Entry<String, String> guard : expected.entrySet()) {
      String table = guard.getKey().substring(0, guard.getKey().lastIndexOf("_no_"));
      String[] found = present.remove(guard.getKey() + "\u0000" + table);
      if (found == null) {
        faults.add(new GuardFault(guard.getKey(), GuardFault.Kind.MISSING));
      } else if (!found[1].equals(guard.getValue()) || !"O".equals(found[2]) || !functionIntact) {
        faults.add(new GuardFault(guard.getKey(), GuardFault.Kind.ALTERED));
      }
    }
    for (String[] other : present.values()) {
      faults.add(new GuardFault(other[0], GuardFault.Kind.UNEXPECTED));
    }
    return faults;
  }

  private static boolean functionIntact(Connection c) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT p.prosrc FROM pg_proc p"
        + " JOIN pg_namespace n ON n.oid = p.pronamespace"
        + " WHERE n.nspname = 'public' AND p.proname = 'ledger_refuse' AND p.pronargs = 0");
        ResultSet rs = query.executeQuery()) {
      return rs.next() && rs.getString(1).strip().equals(FUNCTION_BODY) && !rs.next();
    }
  }

  /**
   * Puts back exactly the faulty guards (and the function, if altered), drops unexpected
   * triggers, in the caller's transaction; then checks every guard is in place.
   */
  static List<GuardFault> restore(Connection c) throws SQLException {
    List<GuardFault> faults = faults(c);
    if (faults.isEmpty()) {
      return faults;
    }
    Map<String, String> expected = schemaGuards();
    try (Statement s = c.createStatement()) {
      if (!functionIntact(c)) {
        s.execute(FUNCTION);
      }
      for (GuardFault fault : faults) {
        if (fault.kind() == GuardFault.Kind.UNEXPECTED) {
          for (String table : tablesOf(c, fault.guard())) {
            s.execute("DROP TRIGGER " + quoted(fault.guard()) + " ON " + table);
          }
        } else {
          String table = fault.guard().substring(0, fault.guard().lastIndexOf("_no_"));
          s.execute("DROP TRIGGER IF EXISTS " + fault.guard() + " ON " + table);
          s.execute(expected.get(fault.guard()));
        }
      }
    }
    List<GuardFault> left = faults(c);
    if (!left.isEmpty()) {
      throw new StoreException("the append-only triggers are still not in place after"
          + " recreating them: " + GuardFault.describe(left));
    }
    return faults;
  }

  private static List<String> tablesOf(Connection c, String trigger) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement("SELECT r.relname FROM pg_trigger t"
        + " JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
        + " WHERE NOT t.tgisinternal AND n.nspname = 'public' AND t.tgname = ?"
        + " AND r.relname = ANY(?)")) {
      query.setString(1, trigger);
      query.setArray(2, c.createArrayOf("text", TABLES.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
