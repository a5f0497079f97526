package io.accessledger.store.postgres;

import io.accessledger.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies PostgreSQL schema migrations (SQL scripts on the classpath) in order, each once, each in
 * its own transaction together with its row in {@code schema_migrations}. Each part of the schema
 * (the ledger's tables, the API clients') is a {@code component} with its own numbering, so the
 * two can grow apart. Migrations only ever add; a shipped migration is never edited.
 *
 * <p>Several nodes may start on one empty database at once: a transaction-level advisory lock
 * makes them migrate one after another, and each finds the others' work done. Migrations are run
 * by the schema's owner: a role with only SELECT and INSERT (the server's, as the README sets it
 * up) cannot create tables, and gets a clear error naming what it lacks.
 */
public final class PostgresMigrations {
  /** The advisory lock key migrations take: any fixed number no other code uses. */
  private static final long MIGRATION_LOCK = 0x6163636573734c47L; // "accessLG"

  private PostgresMigrations() {}

  /**
   * Applies {@code migrations}, scripts under the classpath {@code directory}, numbered 1, 2, … in
   * list order, as {@code component}.
   *
   * @throws StoreException if a script is missing or fails, or the role may not create the
   *     schema; that migration is then not recorded
   */
  public static void apply(Jdbi jdbi, String component, String directory, List<String> migrations) {
    try {
      jdbi.useHandle(handle -> {
        for (int i = 0; i < migrations.size(); i++) {
          int version = i + 1;
          String path = directory + migrations.get(i);
          handle.useTransaction(h -> applyOnce(h, component, version, path));
        }
      });
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("creating the " + component + " schema failed: "
          + e.getMessage() + " (the schema's owner applies migrations: run `migrate config.yml`"
          + " with the owner's role)", e);
    }
  }

  /** The highest version of {@code component} applied, or 0 when none is (or no table exists). */
  public static int appliedVersion(Jdbi jdbi, String component) {
    return jdbi.withHandle(h -> {
      boolean exists = h.createQuery("SELECT to_regclass('schema_migrations') IS NOT NULL")
          .mapTo(Boolean.class).one();
      if (!exists) {
        return 0;
      }
      return h.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"
              + " WHERE component = :c")
          .bind("c", component).mapTo(Integer.class).one();
    });
  }

  private static void applyOnce(Handle handle, String component, int version, String path) {
    handle.execute("SELECT pg_advisory_xact_lock(?)", MIGRATION_LOCK);
    handle.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
        + "component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
        + " applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (component, version))");
    boolean applied = handle
        .createQuery("SELECT COUNT(*) FROM schema_migrations WHERE component = :c AND version = :v")
        .bind("c", component).bind("v", version)
        .mapTo(Integer.class).one() > 0;
    if (applied) {
      return;
    }
    // pgjdbc sends a script without parameters as one simple query: every statement runs, in this
    // transaction, function bodies in dollar quotes included.
    try (Statement statement = handle.getConnection().createStatement()) {
      statement.execute(load(path));
    } catch (SQLException e) {
      throw new StoreException("migration " + path + " failed: " + e.getMessage(), e);
    }
    handle.createUpdate(
            "INSERT INTO schema_migrations (component, version, name) VALUES (:c, :v, :n)")
        .bind("c", component).bind("v", version)
        .bind("n", path.substring(path.lastIndexOf('/') + 1))
        .execute();
  }

  private static String load(String path) {
    try (InputStream in = PostgresMigrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new StoreException("migration " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + path, e);
    }
  }
}
