package io.accessledger.services;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.LedgerNode;

/** What the multi-node tests run on: stores and nodes on one shared database, closed after. */
interface MultiNodeFixture {
  /** A new store, with its own pool, on the shared database; closed after the test. */
  LedgerStore openStore();

  /** A node over {@code store} (its own, or a wrapper around one), signing with {@code signer}. */
  LedgerNode node(LedgerStore store, CheckpointSigner signer);

  /** A node with a store of its own, signing with the log's key. */
  default LedgerNode node() {
    return node(openStore(), MultiNodeContract.SIGNER);
  }
}
