package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single writer that owns the tail of the log, with group commit.
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
 *   <li>there are no gaps or duplicates: one thread assigns every {@code seq} and the store refuses
 *       a batch that does not start at its size;
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
  private final LedgerStore store;
  private final CheckpointSigner signer;
  private final SequencerSettings settings;
  private final DiskReserve reserve;
  private final ArrayBlockingQueue<PendingGroup> queue;
  private final AtomicLong batchesWritten = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;
  private volatile StoredCheckpoint latest;
  private volatile Throwable lastFailure;

  // Owned by the writer thread.
  private final BatchBuilder builder;
  private TailState tail;

  private Sequencer(LedgerStore store, CheckpointSigner signer, Clock clock,
      SequencerSettings settings, DiskReserve reserve) {
    this.store = store;
    this.signer = signer;
    this.settings = settings;
    this.reserve = reserve;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.builder = new BatchBuilder(store, signer, clock, settings.linkCacheSize());
    this.writer = new Thread(this::runWriter, "ledger-sequencer");
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
    Sequencer sequencer = new Sequencer(store, signer, clock, settings, reserve);
    sequencer.tail = TailState.load(store, signer);
    if (store.latestCheckpoint().isEmpty()) {
      Checkpoint empty = new Checkpoint(signer.origin(), 0, TreeHasher.emptyRoot());
      store.append(new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, signer.sign(empty))));
    }
    sequencer.latest = store.latestCheckpoint().orElseThrow();
    sequencer.writer.start();
    return sequencer;
  }

  /** Appends one event; see {@link #appendGroup}. */
  public CompletableFuture<AppendResult> append(PreparedEvent event) {
    return appendGroup(List.of(event)).thenApply(results -> results.get(0));
  }

  /**
   * Appends {@code events} as contiguous entries, all or nothing. The future completes once they are
   * durable and covered by a stored signed checkpoint; it fails with {@link LedgerBusyException} at
   * once when the queue is full, with {@link LedgerDiskFullException} when the disk has no room for
   * the group (or for it with the smaller groups batched with it), and with the store's exception when the write fails (nothing of
   * the group is written then; when the commit landed and only its acknowledgement failed, the
   * future completes normally).
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
    if (closing) {
      group.future().completeExceptionally(new IllegalStateException("the sequencer is closed"));
    } else if (!queue.offer(group)) {
      group.future().completeExceptionally(
          new LedgerBusyException("the ledger's write queue is full; retry shortly"));
    }
    return group.future();
  }

  /** The latest signed checkpoint, as stored. */
  public StoredCheckpoint latestCheckpoint() {
    return latest;
  }

  /** How many group commits have been written since start. */
  public long batchesWritten() {
    return batchesWritten.get();
  }

  /** Groups waiting to be sequenced. */
  public int queued() {
    return queue.size();
  }

  /** Stops accepting appends, writes everything already queued, then stops the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A group offered in the instant between its closing check and the writer's last look at the
    // queue was never written: say so rather than leave its caller waiting.
    for (PendingGroup group = queue.poll(); group != null; group = queue.poll()) {
      group.future().completeExceptionally(new IllegalStateException("the sequencer is closed"));
    }
  }

  private void runWriter() {
    try {
      while (!closing || !queue.isEmpty()) {
        PendingGroup first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<PendingGroup> groups = new ArrayList<>();
        groups.add(first);
        int entries = first.events().size();
        // A group is never split; one larger than the batch limit is written on its own.
        for (PendingGroup next = queue.peek();
            next != null && entries + next.events().size() <= settings.maxBatchEntries();
            next = queue.peek()) {
          groups.add(queue.poll());
          entries += next.events().size();
        }
        try {
          write(groups, entries);
        } catch (Throwable t) {
          // Whatever happens, no caller is left waiting and the writer goes on.
          lastFailure = t;
          groups.forEach(g -> g.future().completeExceptionally(t));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The writer thread is running (it stops only when closed). */
  public boolean writerAlive() {
    return writer.isAlive();
  }

  /**
   * Why the latest batch failed, or why some of its groups were refused for lack of disk space;
   * empty if it was written whole.
   */
  public java.util.Optional<Throwable> lastFailure() {
    return java.util.Optional.ofNullable(lastFailure);
  }

  private void write(List<PendingGroup> groups, int entries) {
    List<PendingGroup> writing = groups;
    LedgerDiskFullException refusal = null;
    BatchBuilder.Built built = null;
    try {
      built = builder.build(tail, groups, entries);
      long growth = store.expectedGrowth(built.batch());
      long room = reserve.room(); // the batch's one free-space probe
      if (growth > room) {
        BatchBuilder.Built tooLarge = built;
        built = null;
        GroupsThatFit.Split split = GroupsThatFit.split(tooLarge, room, store, reserve);
        // The heads the builder remembered name seqs that the refused groups would have taken.
        builder.forget();
        refusal = split.refused().get(0).reason();
        lastFailure = refusal; // before any caller learns of its refusal
        split.refused().forEach(r -> r.group().future().completeExceptionally(r.reason()));
        writing = split.kept();
        if (writing.isEmpty()) {
          return;
        }
        built = builder.build(
            tail, writing, writing.stream().mapToInt(g -> g.events().size()).sum());
        long keptGrowth = store.expectedGrowth(built.batch());
        if (keptGrowth > room) {
          throw reserve.refusal(room, keptGrowth, keptGrowth);
        }
      }
      store.append(built.batch());
    } catch (RuntimeException | Error e) {
      reloadAfterFailure();
      if (built != null && landed(built)) {
        // The commit reached the disk and only its acknowledgement failed: the entries are there.
        acknowledge(writing, built, refusal);
        return;
      }
      lastFailure = e;
      writing.forEach(g -> g.future().completeExceptionally(e));
      return;
    }
    tail = built.tailAfter();
    acknowledge(writing, built, refusal);
  }

  /** Completes the written groups; {@code refusal} is why others of the batch were refused. */
  private void acknowledge(
      List<PendingGroup> groups, BatchBuilder.Built built, LedgerDiskFullException refusal) {
    lastFailure = refusal;
    latest = built.batch().checkpoint();
    batchesWritten.incrementAndGet();
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).future().complete(built.results().get(i));
    }
  }

  /** Whether storage, reloaded after an error, holds exactly this batch as its tail. */
  private boolean landed(BatchBuilder.Built built) {
    long end = built.tailAfter().tree().size();
    return tail.tree().size() == end
        && tail.lastLeafHash().equals(built.tailAfter().lastLeafHash());
  }

  /**
   * After a failed write the speculative link heads may name entries that never landed, and if the
   * commit landed but reported an error, the tail is behind storage. Reload from storage, which is
   * the truth.
   */
  private void reloadAfterFailure() {
    builder.forget();
    try {
      tail = TailState.load(store, signer);
      store.latestCheckpoint().ifPresent(c -> latest = c);
    } catch (RuntimeException e) {
      // Keep the old tail: the store refuses any batch that does not start at its size, so a stale
      // tail cannot write a gap or a fork; it only makes appends fail until storage recovers.
    }
  }

  /** Events submitted together, and the caller's future. */
  record PendingGroup(List<PreparedEvent> events, CompletableFuture<List<AppendResult>> future) {
    PendingGroup(List<PreparedEvent> events) {
      this(events, new CompletableFuture<>());
    }
  }
}
