package io.accessledger.support.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * One fresh database on the {@link TestPostgres} cluster, with two roles, as the README sets a
 * council's up: {@code owner}, who owns the schema and applies migrations, and {@code app}, the
 * server's role, which may only read and add rows ({@link #serverGrants}).
 *
 * <p>A test that plays an attacker who holds the database uses {@link #asOwner} (who can drop
 * the append-only triggers of tables it owns) or {@link #asSuperuser}.
 */
public record TestDatabase(TestPostgres server, String url, String name, String owner,
    String ownerPassword, String app, String appPassword) {

  /**
   * The grants the README shows: the server's role may use the schema, and read and add rows to
   * every table (and draw from every sequence) the owner creates; no UPDATE, DELETE, TRUNCATE or
   * DDL. Run by the superuser (or the owner) once, before the first migration.
   */
  public List<String> serverGrants() {
    return List.of(
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        "GRANT USAGE ON SCHEMA public TO " + app,
        "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
            + " GRANT SELECT, INSERT ON TABLES TO " + app,
        "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
            + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
  }

  /** The environment a server process or command needs to use this database as {@code app}. */
  public Map<String, String> serverEnv() {
    return Map.of("LEDGER_DATABASE_URL", url, "LEDGER_DATABASE_USER", app,
        "LEDGER_DATABASE_PASSWORD", appPassword);
  }

  /** As {@link #serverEnv}, as the owner: for the first start or {@code migrate}. */
  public Map<String, String> ownerEnv() {
    return Map.of("LEDGER_DATABASE_URL", url, "LEDGER_DATABASE_USER", owner,
        "LEDGER_DATABASE_PASSWORD", ownerPassword);
  }

  /** A pool of connections to this database as {@code user}; the caller stops it. */
  public io.dropwizard.db.ManagedDataSource dataSource(String user, String password) {
    return io.accessledger.store.postgres.PostgresDataSources.pooled(url, user, password,
        new com.codahale.metrics.MetricRegistry(), 8, "test-" + name);
  }

  /** The ledger store on this database as the owner (who applies the migrations). */
  public io.accessledger.store.postgres.PostgresLedgerStore openLedgerStore() {
    io.dropwizard.db.ManagedDataSource pool = dataSource(owner, ownerPassword);
    return io.accessledger.store.postgres.PostgresLedgerStore.open(pool, pool::stop);
  }

  /** The ledger store on this database as the server's role ({@link #serverGrants}). */
  public io.accessledger.store.postgres.PostgresLedgerStore openLedgerStoreAsServer() {
    io.dropwizard.db.ManagedDataSource pool = dataSource(app, appPassword);
    return io.accessledger.store.postgres.PostgresLedgerStore.open(pool, pool::stop);
  }

  /** A new connection as the owner; the caller closes it. */
  public Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(url, owner, ownerPassword);
  }

  /** Runs {@code sql} as the owner, one statement at a time. */
  public void asOwner(String... sql) {
    try (Connection c = ownerConnection(); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("owner SQL failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code sql} as the cluster's superuser in this database. */
  public void asSuperuser(String... sql) {
    server.superuser(name, sql);
  }
}
