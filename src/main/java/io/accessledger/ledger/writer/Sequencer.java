package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The writer that owns this node's tail of the log, with group commit. Several nodes, each with
 * its own sequencer, may append to one shared store; the store's fence keeps them to one log.
 *
 * <p>Callers enqueue groups of events and wait on a future. The sequencing thread drains the queue
 * into a batch, assigns contiguous {@code seq}s, computes each leaf (with its {@code prev} and
 * {@code links}), the leaf hashes and the new Merkle root, signs one checkpoint for the batch,
 * writes it all in one durable transaction, and only then completes the futures. (Building the
 * next batch while the previous one syncs was measured at about 5% faster on two cores, not enough
 * to pay for the harder failure handling.) So:
 *
 * <ul>
 *   <li>an acknowledged entry is durable and covered by a signed checkpoint that is already stored;
 *   <li>a group submitted together (a batch post, an extract release and its subject entries) gets
 *       contiguous {@code seq}s and is written all or nothing;
 *   <li>there are no gaps or duplicates: one thread per node assigns {@code seq}s, and the store
 *       refuses, atomically with the write, a batch that does not start at its size
 *       ({@link io.accessledger.store.StaleTailException}: another node appended first); the
 *       writer then reloads the tail and builds the same groups again, dropping only a group
 *       whose event another node recorded meanwhile ({@link AlreadyRecordedException});
 *   <li>two signed checkpoints are never inconsistent, because each extends the one before.
 * </ul>
 *
 * <p>When the queue is full, {@link #append} fails at once with {@link LedgerBusyException}
 * (back-pressure) rather than blocking the caller. A batch that would leave less free space than
 * the {@link DiskReserve} is not written as it is (one free-space probe per batch): its largest
 * groups are refused with {@link LedgerDiskFullException} until the rest fits ({@link
 * GroupsThatFit}), and the rest is built again and written, so one large extract release does
 * not take the small writes queued with it down too. A refused group writes nothing and takes no
 * {@code seq}. After a failed commit the tail is reloaded from storage, which is the truth.
 */
public final class Sequencer implements AutoCloseable {
  private final WriteQueue queue;
  private final BatchWriter writer;

  private final LogSigning signing;

  private Sequencer(LedgerStore store, LogSigning signing, Clock clock,
      SequencerSettings settings, DiskReserve reserve) {
    this.queue = new WriteQueue(settings.queueCapacity());
    this.signing = signing;
    this.writer = new BatchWriter(store, signing, clock, settings, reserve, queue);
  }

  /**
   * Checks the stored ledger against its latest signed checkpoint and starts the writer. On an empty
   * ledger, first signs and stores the checkpoint of the empty tree, binding the key to the log.
   * Keeps no free-space reserve: only storage itself reports a full disk.
   *
   * @throws LedgerStateException if the signing key does not verify the latest checkpoint, or the
   *     stored tree does not match it; nothing is written then
   */
  public static Sequencer start(
      LedgerStore store, CheckpointSigner signer, Clock clock, SequencerSettings settings) {
    return start(store, signer, clock, settings, DiskReserve.none());
  }

  /**
   * As {@link #start(LedgerStore, CheckpointSigner, Clock, SequencerSettings)}, refusing any batch
   * that would leave less free space than {@code reserve} on the ledger's disk.
   */
  public static Sequencer start(LedgerStore store, CheckpointSigner signer, Clock clock,
      SequencerSettings settings, DiskReserve reserve) {
    return start(store, LogSigning.fixed(store, signer), clock, settings, reserve);
  }

  /**
   * As {@link #start(LedgerStore, CheckpointSigner, Clock, SequencerSettings, DiskReserve)},
   * signing with the keys {@code signing} picks from the log's own rotations.
   */
  public static Sequencer start(LedgerStore store, LogSigning signing, Clock clock,
      SequencerSettings settings, DiskReserve reserve) {
    Sequencer sequencer = new Sequencer(store, signing, clock, settings, reserve);
    sequencer.writer.start();
    return sequencer;
  }

  /** The keys this writer signs with, as the log's rotations decide. */
  public LogSigning signing() {
    return signing;
  }

  /** Appends one event; see {@link #appendGroup}. */
  public CompletableFuture<AppendResult> append(PreparedEvent event) {
    return appendGroup(List.of(event)).thenApply(results -> results.get(0));
  }

  /**
   * Appends {@code events} as contiguous entries, all or nothing. The future completes once they are
   * durable and covered by a stored signed checkpoint; it fails with {@link LedgerBusyException} at
   * once when the queue is full, with {@link LedgerDiskFullException} when the disk has no room for
   * the group (or for it with the smaller groups batched with it), with {@link AlreadyRecordedException}
   * when another node recorded one of its keyed events first, with {@link LedgerBusyException}
   * also when other nodes appended first {@value BatchWriter#MAX_ATTEMPTS} times in a row, and
   * with the store's exception when the write fails (nothing of the group is written then; when
   * the commit landed and only its acknowledgement failed, the future completes normally).
   *
   * <p>The future is completed on the writer thread: callbacks attached to it MUST NOT block
   * (and in particular must not wait for another append), or the writer stalls.
   */
  public CompletableFuture<List<AppendResult>> appendGroup(List<PreparedEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a group needs at least one event");
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).referencedOffset() > i) {
        throw new IllegalArgumentException(
            "event " + i + " of the group names an entry outside the group");
      }
    }
    PendingGroup group = new PendingGroup(List.copyOf(events));
    queue.offer(group);
    return group.future();
  }

  /**
   * The latest signed checkpoint this node's writer stored, or loaded from the store. On a store
   * other nodes append to it may be behind the store: reads that must see their entries read the
   * store ({@code LedgerQueries#checkpoint}).
   */
  public StoredCheckpoint latestCheckpoint() {
    return writer.latest();
  }

  /** How many group commits have been written since start. */
  public long batchesWritten() {
    return writer.batchesWritten();
  }

  /** Groups waiting to be sequenced. */
  public int queued() {
    return queue.size();
  }

  /** Stops accepting appends, writes everything already queued, then stops the writer. */
  @Override
  public void close() {
    queue.close();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.failRemaining();
  }

  /** The writer thread is running (it stops only when closed). */
  public boolean writerAlive() {
    return writer.isAlive();
  }

  /**
   * Why the latest batch failed, or why some of its groups were refused for lack of disk space;
   * empty if it was written whole.
   */
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(writer.lastFailure());
  }
}
