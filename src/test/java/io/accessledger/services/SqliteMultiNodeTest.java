package io.accessledger.services;

import io.accessledger.store.LedgerStore;
import io.accessledger.support.SharedLedgerDatabase;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-node suite on one SQLite file opened through separate pools: SQLite serialises
 * writers across connections, so this is a real shared store, and its store hands out no write
 * turns, so the nodes race on the store's fence alone.
 */
class SqliteMultiNodeTest extends MultiNodeContract {
  @TempDir Path dir;

  @Override
  protected SharedLedgerDatabase newDatabase() {
    Path file = dir.resolve("ledger.db");
    return new SharedLedgerDatabase() {
      @Override
      public LedgerStore openStore() {
        return TestLedger.openStore(file);
      }

      @Override
      public void close() {
        // The temporary directory goes with the test.
      }
    };
  }
}
