package io.accessledger.auth.sqlite;

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
 * Applies the schema migrations under {@code db/clients/} to {@code clients.db} in order, each once,
 * each in its own transaction together with its row in {@code schema_migrations} (as the ledger's
 * migrations do). The server and a command may open the file at the same moment: transactions are
 * immediate, so the second one waits and then finds the migration applied.
 */
final class ClientMigrations {
  private static final List<String> MIGRATIONS = List.of("V1__clients.sql");

  private ClientMigrations() {}

  static void apply(Jdbi jdbi) {
    jdbi.useHandle(
        handle -> {
          handle.execute(
              "CREATE TABLE IF NOT EXISTS schema_migrations ("
                  + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
          for (int i = 0; i < MIGRATIONS.size(); i++) {
            int version = i + 1;
            String name = MIGRATIONS.get(i);
            handle.useTransaction(h -> applyOnce(h, version, name));
          }
        });
  }

  private static void applyOnce(Handle handle, int version, String name) {
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
    try (Statement statement = handle.getConnection().createStatement()) {
      statement.executeUpdate(load(name));
    } catch (SQLException e) {
      throw new StoreException("clients migration " + name + " failed: " + e.getMessage(), e);
    }
    handle
        .createUpdate("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)")
        .bind("v", version)
        .bind("n", name)
        .bind("t", Instant.now().toString())
        .execute();
  }

  private static String load(String name) {
    String path = "/db/clients/" + name;
    try (InputStream in = ClientMigrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new StoreException("migration " + path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("cannot read migration " + path, e);
    }
  }
}
