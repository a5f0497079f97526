package io.accessledger.services.migration;

import io.accessledger.config.LedgerFactory;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import java.nio.file.Path;

/**
 * The copy of a SQLite ledger into a fresh PostgreSQL database on a real server, as the schema's
 * owner (who applies the migrations, as {@code migrate-ledger} runs).
 */
class SqliteToPostgresMigrationTest extends LedgerMigrationTest {
  @Override
  protected LedgerFactory newTarget(Path dataDir) {
    TestDatabase db = TestPostgres.shared().newDatabase();
    LedgerFactory factory = factory(dataDir);
    factory.getDatabase().setUrl(db.url());
    factory.getDatabase().setUser(db.owner());
    factory.getDatabase().setPassword(db.ownerPassword());
    return factory;
  }
}
