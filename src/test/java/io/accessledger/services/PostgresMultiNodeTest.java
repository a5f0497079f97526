package io.accessledger.services;

import io.accessledger.store.LedgerStore;
import io.accessledger.support.SharedLedgerDatabase;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;

/**
 * The multi-node suite on one real PostgreSQL database: the schema made once by its owner, then
 * every node on a pool of its own as the server's role (SELECT and INSERT only), as server
 * processes run. The nodes take turns through the store's own advisory lock; the tests that race
 * them on the fence alone wrap the stores so that they ask for none.
 */
class PostgresMultiNodeTest extends MultiNodeContract {
  @Override
  protected SharedLedgerDatabase newDatabase() {
    TestDatabase db = TestPostgres.shared().newDatabase();
    db.openLedgerStore().close(); // the owner applies the migrations
    return new SharedLedgerDatabase() {
      @Override
      public LedgerStore openStore() {
        return db.openLedgerStoreAsServer();
      }

      @Override
      public void close() {
        // Each test has a database of its own; the cluster goes with the test JVM.
      }
    };
  }
}
