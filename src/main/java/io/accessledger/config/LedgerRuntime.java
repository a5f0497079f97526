package io.accessledger.config;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.List;

/**
 * The open, writable ledger of a running server: the writer lock, the store, the signing key and
 * the sequencer. Opening checks the stored ledger against its latest signed checkpoint and refuses
 * to start over a ledger that does not match it or a key that did not sign it, or whose
 * append-only triggers are not in place (unless told to recreate them: {@link
 * AppendOnlyGuardsAtStart}).
 *
 * <p>The writer lock is this data directory's: on a store several nodes share (each with its own
 * data directory and a copy of the key), nothing here assumes this process is the store's only
 * writer. A node whose key did not sign the latest checkpoint, whichever node stored it, is
 * refused by {@link Sequencer#start}; a node that makes a new key because it found the database
 * empty while another node was starting on it too is refused the same way once the other's
 * checkpoint is stored (copy the key to every node's data directory before starting them).
 */
public final class LedgerRuntime implements Managed, AutoCloseable {
  private final DataDirLock lock;
  private final LedgerStore store;
  private final Sequencer sequencer;

  private LedgerRuntime(DataDirLock lock, LedgerStore store, Sequencer sequencer) {
    this.lock = lock;
    this.store = store;
    this.sequencer = sequencer;
  }

  /** Opens the ledger described by {@code factory}, creating the database and key on first use. */
  public static LedgerRuntime open(LedgerFactory factory, MetricRegistry metrics, Clock clock) {
    // The lock comes first: a second process must not even migrate a database another one writes.
    DataDirLock lock = DataDirLock.acquire(factory.prepareDataDir());
    LedgerStore store = null;
    try {
      // An existing key opens before the ledger does: a wrong passphrase stops the start untouched.
      // The keys remember what they read, so the key is not opened (or unsealed) twice.
      DataDirSigningKeys keys = factory.signingKeys();
      keys.held();
      store = factory.openStore(metrics);
      List<GuardFault> faults =
          AppendOnlyGuardsAtStart.check(store, factory.isRecreateMissingTriggers());
      LogSigning signing = factory.openSigning(store, clock, keys);
      LedgerStore opened = store;
      Sequencer sequencer = AppendOnlyGuardsAtStart.restoreStartAndRecord(store, faults, clock,
          () -> Sequencer.start(opened, signing, clock, factory.sequencerSettings(),
              factory.diskReserve()));
      return new LedgerRuntime(lock, store, sequencer);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close();
      }
      lock.close();
      throw e;
    }
  }

  public LedgerStore store() {
    return store;
  }

  /** The keys that sign the log, as its rotations decide. */
  public LogSigning signing() {
    return sequencer.signing();
  }

  public Sequencer sequencer() {
    return sequencer;
  }

  @Override
  public void start() {
    // Opened eagerly in open(), so configuration and key problems stop the server before it serves.
  }

  @Override
  public void stop() {
    close();
  }

  /** Writes everything queued, then releases the store and the writer lock. */
  @Override
  public void close() {
    try {
      sequencer.close();
    } finally {
      try {
        store.close();
      } finally {
        lock.close();
      }
    }
  }
}
