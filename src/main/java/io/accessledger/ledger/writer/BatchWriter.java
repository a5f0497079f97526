package io.accessledger.ledger.writer;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer thread of the {@link Sequencer}, the one owner of the tail of the log: drains the
 * {@link WriteQueue} into batches of up to {@link SequencerSettings#maxBatchEntries} entries
 * (never splitting a group), has each built ({@link BatchBuilder}), refuses the largest groups of
 * a batch the disk has no room for ({@link GroupsThatFit}), writes it in one transaction, and only
 * then completes the futures. Whatever happens, no caller is left waiting and the loop goes on;
 * after a failed write the tail is reloaded from storage, which is the truth.
 *
 * <p>The tail and the builder are touched only by the writer thread (and by {@link #start} before
 * it runs); what it publishes for other threads (the latest checkpoint, the last failure, the
 * batch count) is volatile or atomic.
 */
final class BatchWriter {
  private final LedgerStore store;
  private final CheckpointSigner signer;
  private final DiskReserve reserve;
  private final WriteQueue queue;
  private final int maxBatchEntries;
  private final BatchBuilder builder;
  private final Thread thread;
  private final AtomicLong batchesWritten = new AtomicLong();
  private volatile StoredCheckpoint latest;
  private volatile Throwable lastFailure;
  private TailState tail;

  BatchWriter(LedgerStore store, CheckpointSigner signer, Clock clock,
      SequencerSettings settings, DiskReserve reserve, WriteQueue queue) {
    this.store = store;
    this.signer = signer;
    this.reserve = reserve;
    this.queue = queue;
    this.maxBatchEntries = settings.maxBatchEntries();
    this.builder = new BatchBuilder(store, signer, clock, settings.linkCacheSize());
    this.thread = new Thread(this::run, "ledger-sequencer");
  }

  /**
   * Loads and checks the tail, on an empty ledger first signs and stores the checkpoint of the
   * empty tree, then starts the thread.
   *
   * @throws LedgerStateException as {@link TailState#load} does; nothing is written then
   */
  void start() {
    tail = TailState.load(store, signer);
    if (store.latestCheckpoint().isEmpty()) {
      Checkpoint empty = new Checkpoint(signer.origin(), 0, TreeHasher.emptyRoot());
      store.append(
          new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, signer.sign(empty))));
    }
    latest = store.latestCheckpoint().orElseThrow();
    thread.start();
  }

  /** Waits for the thread to stop: it stops once the queue is closed and empty. */
  void join() throws InterruptedException {
    thread.join();
  }

  boolean isAlive() {
    return thread.isAlive();
  }

  StoredCheckpoint latest() {
    return latest;
  }

  Throwable lastFailure() {
    return lastFailure;
  }

  long batchesWritten() {
    return batchesWritten.get();
  }

  private void run() {
    try {
      while (!queue.closedAndEmpty()) {
        PendingGroup first = queue.awaitNext();
        if (first == null) {
          continue;
        }
        List<PendingGroup> groups = new ArrayList<>();
        groups.add(first);
        int entries = first.events().size();
        // A group is never split; one larger than the batch limit is written on its own.
        for (PendingGroup next = queue.takeIfFits(entries, maxBatchEntries);
            next != null;
            next = queue.takeIfFits(entries, maxBatchEntries)) {
          groups.add(next);
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
}
