package io.accessledger.ledger.writer;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoredCheckpoint;
import java.util.List;

/**
 * The {@link BatchWriter}'s view of the tail of the log: the {@link TailState} it builds on, and
 * the latest checkpoint it has stored or loaded (the one thing here other threads read). Storage
 * is the truth: whenever the writer may be behind it (a failed write, another node's append), the
 * tail is loaded again from storage, checked against the latest checkpoint with this node's key,
 * and the builder's link heads are forgotten. Touched only by the writer thread, but for {@link
 * #latest}.
 */
final class WriterTail {
  private final LedgerStore store;
  private final LogSigning signing;
  private final BatchBuilder builder;
  private TailState tail;
  private volatile StoredCheckpoint latest;

  private WriterTail(LedgerStore store, LogSigning signing, BatchBuilder builder) {
    this.store = store;
    this.signing = signing;
    this.builder = builder;
  }

  /**
   * Loads and checks the tail; on an empty ledger, first signs and stores the checkpoint of the
   * empty tree. When another node starting at once stored that checkpoint first (the store
   * refuses the second as stale), the tail is loaded again, checking this key against that node's
   * checkpoint.
   *
   * @throws LedgerStateException as {@link TailState#load} does; nothing is written then
   */
  static WriterTail open(LedgerStore store, LogSigning signing, BatchBuilder builder) {
    WriterTail opened = new WriterTail(store, signing, builder);
    opened.tail = TailState.load(store, signing);
    if (store.latestCheckpoint().isEmpty()) {
      Checkpoint empty = new Checkpoint(signing.origin(), 0, TreeHasher.emptyRoot());
      try {
        store.append(new AppendBatch(List.of(), List.of(),
            new StoredCheckpoint(0, signing.sign(empty, 0, List.of()))));
      } catch (StaleTailException e) {
        opened.tail = TailState.load(store, signing);
      }
    }
    opened.publish(store.latestCheckpoint().orElseThrow());
    return opened;
  }

  /** What the next batch extends. */
  TailState state() {
    return tail;
  }

  /** The latest checkpoint this writer stored or loaded. */
  StoredCheckpoint latest() {
    return latest;
  }

  /** The batch was written: the tail is its end. */
  void advance(BatchBuilder.Built built) {
    tail = built.tailAfter();
    if (built.rotates() || signing.transitionEnded()) {
      // The batch announced a new key, or an old key's transition is over: sign as the log says.
      signing.refresh();
    }
  }

  /**
   * Publishes {@code checkpoint} as the latest unless a larger one is published already (after a
   * reload, a batch that landed may be older than the checkpoint another node stored since).
   */
  void publish(StoredCheckpoint checkpoint) {
    StoredCheckpoint known = latest;
    if (known == null || checkpoint.size() > known.size()) {
      latest = checkpoint;
    }
  }

  /** Whether the stored log has grown past the tail (one cheap read: the store's size). */
  boolean moved() {
    return store.size() != tail.tree().size();
  }

  /**
   * Loads the tail again from storage and forgets the link heads, which may name entries that
   * never landed or miss other nodes' entries.
   *
   * @throws RuntimeException if it cannot be loaded or checked; the old tail is kept then (the
   *     store refuses any batch that does not extend it, so a stale tail can write neither a gap
   *     nor a fork)
   */
  void reload() {
    builder.forget();
    // Another node or a rotate-key run may have rotated the key: sign as the stored log says.
    signing.refresh();
    tail = TailState.load(store, signing);
    store.latestCheckpoint().ifPresent(this::publish);
  }

  /** {@link #reload}, keeping the old tail if storage cannot be read right now. */
  void reloadIfReadable() {
    try {
      reload();
    } catch (RuntimeException e) {
      // Appends fail until storage recovers; see reload.
    }
  }

  /**
   * Whether storage, reloaded after an error, holds this batch: its last entry is stored with the
   * leaf hash the batch gave it. That hash commits to the entry's {@code seq} and, through its
   * {@code prev}, to every entry before it, so this holds even when other writers have appended
   * after the batch.
   */
  boolean holds(BatchBuilder.Built built) {
    long end = built.tailAfter().tree().size();
    Digest last = built.tailAfter().lastLeafHash();
    if (tail.tree().size() == end) {
      return tail.lastLeafHash().equals(last);
    }
    if (tail.tree().size() < end) {
      return false;
    }
    try {
      return store.leaf(end - 1).map(l -> TreeHasher.leafHash(l.leaf()).equals(last)).orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
