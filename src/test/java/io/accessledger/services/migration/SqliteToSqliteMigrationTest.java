package io.accessledger.services.migration;

import io.accessledger.config.LedgerFactory;
import java.nio.file.Path;

/** The copy into another SQLite data directory: the service knows nothing of the backends. */
class SqliteToSqliteMigrationTest extends LedgerMigrationTest {
  @Override
  protected LedgerFactory newTarget(Path dataDir) {
    return factory(dataDir);
  }
}
