package io.accessledger.services;

import io.accessledger.store.LedgerStore;
import io.accessledger.support.SharedLedgerDatabase;
import io.accessledger.support.TestLedger;
import io.accessledger.support.TurnTakingStore;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-node suite on one SQLite file opened through separate pools: SQLite serialises
 * writers across connections, so this is a real shared store. SQLite's store hands out no write
 * turns (one server per file), so the nodes take turns through a lock of the test's ({@link
 * TurnTakingStore}), as PostgreSQL's take an advisory lock; the tests that race the nodes on the
 * fence alone wrap the stores so that they ask for none.
 */
class SqliteMultiNodeTest extends MultiNodeContract {
  @TempDir Path dir;

  @Override
  protected SharedLedgerDatabase newDatabase() {
    Path file = dir.resolve("ledger.db");
    ReentrantLock turns = new ReentrantLock(true);
    return new SharedLedgerDatabase() {
      @Override
      public LedgerStore openStore() {
        return new TurnTakingStore(TestLedger.openStore(file), turns);
      }

      @Override
      public void close() {
        // The temporary directory goes with the test.
      }
    };
  }
}
