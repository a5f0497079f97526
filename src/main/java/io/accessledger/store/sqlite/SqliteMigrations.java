package io.accessledger.store.sqlite;

import io.accessledger.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies schema migrations (SQL scripts on the classpath) in order, each once, each in its own
 * transaction together with its row in {@code schema_migrations}: the ledger's under
 * {@code db/sqlite/}, and other SQLite files' (the API clients') under their own directories.
 * Migrations only ever add; a shipped migration is never edited.
 */
public final class SqliteMigrations {
  private static final List<String> MIGRATIONS =
      List.of("V1__ledger.sql", "V2__event_ids.sql", "V3__link_index_spans.sql",
          "V4__cosignatures.sql");

  /** The schema version after every migration has run. */
  static final int LATEST = MIGRATIONS.size();

  private SqliteMigrations() {}

  static void apply(Jdbi jdbi) {
    apply(jdbi, "/db/sqlite/", MIGRATIONS);
  }

  /**
   * Applies {@code migrations}, scripts under the classpath {@code directory}, numbered 1, 2, …
   * in list order.
   *
   * @throws StoreException if a script is missing or fails; that migration is then not recorded
   */
  public static void apply(Jdbi jdbi, String directory, List<String> migrations) {
    jdbi.useHandle(
        handle -> {
          handle.execute(
              "CREATE TABLE IF NOT EXISTS schema_migrations ("
                  + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
          for (int i = 0; i < migrations.size(); i++) {
            int version = i + 1;
            String path = directory + migrations.get(i);
            handle.useTransaction(h -> applyOnce(h, version, path));
          }
        });
  }

  private static void applyOnce(Handle handle, int version, String path) {
    boolean applied =
        handle
            .createQuery("SELECT COUNT(*) FROM schema_migrations WHERE version = :v")
            .bind("v", version)
            .mapTo(Integer.class)
            .one()
            > 0;
    if (applied) {
      return;
    }
    // sqlite-jdbc runs every statement of a script given to executeUpdate, trigger bodies included.
    try (Statement statement = handle.getConnection().createStatement()) {
      statement.executeUpdate(load(path));
    } catch (SQLException e) {
      throw new StoreException("migration " + path + " failed: " + e.getMessage(), e);
    }
    handle
        .createUpdate("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)")
        .bind("v", version)
        .bind("n", path.substring(path.lastIndexOf('/') + 1))
        .bind("t", Instant.now().toString())
        .execute();
  }

  private static String load(String path) {
    try (InputStream in = SqliteMigrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new StoreException("migration " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + path, e);
    }
  }
}
