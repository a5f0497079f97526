package io.accessledger.auth.sqlite;

import io.accessledger.store.sqlite.SqliteMigrations;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The schema migrations of {@code clients.db}, under {@code db/clients/}, applied as the ledger's
 * are. The server and a command may open the file at the same moment: transactions are immediate,
 * so the second one waits and then finds the migration applied.
 */
final class ClientMigrations {
  private static final List<String> MIGRATIONS = List.of("V1__clients.sql");

  private ClientMigrations() {}

  static void apply(Jdbi jdbi) {
    SqliteMigrations.apply(jdbi, "/db/clients/", MIGRATIONS);
  }
}
