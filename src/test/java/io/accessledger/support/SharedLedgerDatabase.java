package io.accessledger.support;

import io.accessledger.store.LedgerStore;

/**
 * One ledger database that several nodes open at once, each through its own connection pool, as
 * server processes on one shared store do: what the multi-node suite runs on, for every backend.
 */
public interface SharedLedgerDatabase extends AutoCloseable {
  /** Opens a new store, with its own pool, on this database (creating the schema on first use). */
  LedgerStore openStore();

  /** Drops what the database holds once every store opened on it is closed. */
  @Override
  void close();
}
