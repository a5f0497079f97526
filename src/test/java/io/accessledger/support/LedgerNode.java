package io.accessledger.support;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.services.LedgerServices;
import io.accessledger.services.ServiceSettings;
import io.accessledger.store.LedgerStore;
import java.time.Clock;

/**
 * One node of a shared ledger, as a server process builds it: its own store (own pool), its own
 * sequencer and its own complete {@link LedgerServices}, with no HTTP.
 *
 * @param store the store the node's services read and its sequencer writes
 */
public record LedgerNode(LedgerStore store, Sequencer sequencer, LedgerServices services)
    implements AutoCloseable {

  /** Starts a node over {@code store}, which it closes when it is closed. */
  public static LedgerNode start(
      LedgerStore store, CheckpointSigner signer, ServiceSettings settings) {
    Sequencer sequencer = Sequencer.start(
        store, signer, Clock.systemUTC(), SequencerSettings.defaults());
    return new LedgerNode(store, sequencer,
        LedgerServices.build(store, sequencer, settings, Clock.systemUTC()));
  }

  /** Writes what is queued, then closes the sequencer and the store. */
  @Override
  public void close() {
    try {
      sequencer.close();
    } finally {
      store.close();
    }
  }
}
