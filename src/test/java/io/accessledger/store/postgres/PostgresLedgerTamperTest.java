package io.accessledger.store.postgres;

import io.accessledger.store.LedgerStore;
import io.accessledger.store.LedgerTamperContract;
import io.accessledger.store.TamperHook;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;

/**
 * The tamper catalogue against a real PostgreSQL ledger, edited with raw SQL as its owner can
 * ({@link PostgresTamperHook}): every case on a database of its own.
 */
class PostgresLedgerTamperTest extends LedgerTamperContract {
  private final TestDatabase db = TestPostgres.shared().newDatabase();

  @Override
  protected LedgerStore openStore() {
    return db.openLedgerStore();
  }

  @Override
  protected TamperHook tamperHook() {
    return new PostgresTamperHook(db);
  }
}
