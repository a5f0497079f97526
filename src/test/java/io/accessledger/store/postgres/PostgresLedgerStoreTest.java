package io.accessledger.store.postgres;

import io.accessledger.store.LedgerStore;
import io.accessledger.store.LedgerStoreContract;
import io.accessledger.store.TamperHook;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;

/** {@link LedgerStoreContract} on a real PostgreSQL database of its own, as the schema owner. */
class PostgresLedgerStoreTest extends LedgerStoreContract {
  private final TestDatabase db = TestPostgres.shared().newDatabase();

  @Override
  protected LedgerStore newStore() {
    return db.openLedgerStore();
  }

  @Override
  protected TamperHook tamperHook() {
    return new PostgresTamperHook(db);
  }
}
