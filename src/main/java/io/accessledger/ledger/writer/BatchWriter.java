package io.accessledger.ledger.writer;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.WriteTurn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writer thread of the {@link Sequencer}, the one owner of this node's tail of the log: drains
 * the {@link WriteQueue} into batches of up to {@link SequencerSettings#maxBatchEntries} entries
 * (never splitting a group), has each built ({@link BatchBuilder}), refuses the largest groups of
 * a batch the disk has no room for ({@link GroupsThatFit}), writes it in one transaction, and only
 * then completes the futures. Whatever happens, no caller is left waiting and the loop goes on;
 * after a failed write the tail is reloaded from storage, which is the truth.
 *
 * <p>Other writers (other nodes on a shared store) may append too. The store's fence refuses a
 * batch built on a tail they have moved ({@link StaleTailException}, nothing written); the writer
 * then reloads the tail ({@link TailState#load}, which checks that this key verifies the
 * checkpoint whoever wrote it), forgets its link heads, drops the groups holding an event another
 * writer has recorded meanwhile ({@link RecordedGroups}), and builds and writes the same groups
 * again, up to {@link #MAX_ATTEMPTS} times before failing them as busy. A store that hands out
 * write turns ({@link LedgerStore#awaitWriteTurn}) is asked for one around each attempt, and when
 * it says others take turns, the stored size is compared with the tail before building.
 *
 * <p>The tail and the builder are touched only by the writer thread (and by {@link #start} before
 * it runs); what it publishes for other threads (the latest checkpoint, the last failure, the
 * batch count) is volatile or atomic.
 */
final class BatchWriter {
  /**
   * How many times one batch is built and written before its groups fail with {@link
   * LedgerBusyException}, when other writers keep appending first.
   */
  static final int MAX_ATTEMPTS = 16;

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
   * empty tree, then starts the thread. When another node starting at once stored that checkpoint
   * first (the store refuses the second as stale), the tail is loaded again, checking this key
   * against that node's checkpoint.
   *
   * @throws LedgerStateException as {@link TailState#load} does; nothing is written then
   */
  void start() {
    tail = TailState.load(store, signer);
    if (store.latestCheckpoint().isEmpty()) {
      Checkpoint empty = new Checkpoint(signer.origin(), 0, TreeHasher.emptyRoot());
      try {
        store.append(
            new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, signer.sign(empty))));
      } catch (StaleTailException e) {
        tail = TailState.load(store, signer);
      }
    }
    publish(store.latestCheckpoint().orElseThrow());
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
        Batch batch = new Batch(groups);
        try {
          write(batch);
        } catch (Throwable t) {
          // Whatever happens, no caller is left waiting and the writer goes on.
          lastFailure = t;
          batch.writing.forEach(g -> g.future().completeExceptionally(t));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The groups of one batch still to write, and why others of it were refused for room. */
  private static final class Batch {
    List<PendingGroup> writing;
    LedgerDiskFullException refusal;

    Batch(List<PendingGroup> groups) {
      this.writing = groups;
    }

    int entries() {
      return writing.stream().mapToInt(g -> g.events().size()).sum();
    }
  }

  /** Writes {@code batch}, building it again while other writers append first. */
  private void write(Batch batch) {
    for (int attempt = 1; ; attempt++) {
      boolean done;
      try (WriteTurn turn = store.awaitWriteTurn()) {
        if (turn.othersMayHaveAppended() && store.size() != tail.tree().size()) {
          reloadMoved(batch);
        }
        done = writeOnce(batch);
      }
      if (done || batch.writing.isEmpty()) {
        return;
      }
      if (attempt == MAX_ATTEMPTS) {
        LedgerBusyException busy = new LedgerBusyException("other nodes appended first "
            + MAX_ATTEMPTS + " times in a row; nothing of this request was written; retry");
        lastFailure = busy;
        batch.writing.forEach(g -> g.future().completeExceptionally(busy));
        return;
      }
    }
  }

  /**
   * One attempt at the batch: true once every group is written, refused or failed; false when it
   * is to be built again on the reloaded tail (another writer appended first).
   */
  private boolean writeOnce(Batch batch) {
    if (batch.writing.isEmpty()) {
      return true;
    }
    BatchBuilder.Built built = null;
    boolean appending = false;
    try {
      built = builder.build(tail, batch.writing, batch.entries());
      long growth = store.expectedGrowth(built.batch());
      long room = reserve.room(); // the batch's one free-space probe
      if (growth > room) {
        BatchBuilder.Built tooLarge = built;
        built = null;
        GroupsThatFit.Split split = GroupsThatFit.split(tooLarge, room, store, reserve);
        // The heads the builder remembered name seqs that the refused groups would have taken.
        builder.forget();
        batch.refusal = split.refused().get(0).reason();
        lastFailure = batch.refusal; // before any caller learns of its refusal
        split.refused().forEach(r -> r.group().future().completeExceptionally(r.reason()));
        batch.writing = split.kept();
        if (batch.writing.isEmpty()) {
          return true;
        }
        built = builder.build(tail, batch.writing, batch.entries());
        long keptGrowth = store.expectedGrowth(built.batch());
        if (keptGrowth > room) {
          throw reserve.refusal(room, keptGrowth, keptGrowth);
        }
      }
      appending = true;
      store.append(built.batch());
    } catch (StaleTailException e) {
      reloadMoved(batch); // nothing of the batch was written
      return false;
    } catch (RuntimeException | Error e) {
      reloadAfterFailure();
      if (appending && landed(built)) {
        // The commit reached the disk and only its acknowledgement failed: the entries are there.
        acknowledge(built, batch.refusal);
        return true;
      }
      if (appending && e instanceof RuntimeException && withoutRecorded(batch)) {
        return false; // the store refused an event another writer recorded: the rest goes again
      }
      lastFailure = e;
      batch.writing.forEach(g -> g.future().completeExceptionally(e));
      return true;
    }
    tail = built.tailAfter();
    acknowledge(built, batch.refusal);
    return true;
  }

  /** Completes the written groups; {@code refusal} is why others of the batch were refused. */
  private void acknowledge(BatchBuilder.Built built, LedgerDiskFullException refusal) {
    lastFailure = refusal;
    publish(built.batch().checkpoint());
    batchesWritten.incrementAndGet();
    for (int i = 0; i < built.groups().size(); i++) {
      built.groups().get(i).future().complete(built.results().get(i));
    }
  }

  /** Publishes {@code checkpoint} as the latest unless a larger one is published already. */
  private void publish(StoredCheckpoint checkpoint) {
    StoredCheckpoint known = latest;
    if (known == null || checkpoint.size() > known.size()) {
      latest = checkpoint;
    }
  }

  /**
   * Whether storage, reloaded after an error, holds this batch: its last entry is stored with the
   * leaf hash the batch gave it. That hash commits to the entry's {@code seq} and, through its
   * {@code prev}, to every entry before it, so this holds even when other writers have appended
   * after the batch.
   */
  private boolean landed(BatchBuilder.Built built) {
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

  /**
   * Another writer appended first: reloads the tail and drops the groups it has recorded an event
   * of. If the tail cannot be loaded (storage fails, or this key does not verify the checkpoint the
   * other writer stored), the batch's groups fail with that reason.
   */
  private void reloadMoved(Batch batch) {
    builder.forget();
    try {
      tail = TailState.load(store, signer);
      store.latestCheckpoint().ifPresent(this::publish);
      batch.writing = RecordedGroups.failRecorded(store, batch.writing);
    } catch (RuntimeException e) {
      lastFailure = e;
      batch.writing.forEach(g -> g.future().completeExceptionally(e));
      batch.writing = List.of();
    }
  }

  /** Drops the groups holding a recorded event; whether there were any. */
  private boolean withoutRecorded(Batch batch) {
    try {
      List<PendingGroup> kept = RecordedGroups.failRecorded(store, batch.writing);
      boolean dropped = kept.size() < batch.writing.size();
      batch.writing = kept;
      return dropped;
    } catch (RuntimeException e) {
      return false; // storage is failing: the append's own failure is the one to report
    }
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
      store.latestCheckpoint().ifPresent(this::publish);
    } catch (RuntimeException e) {
      // Keep the old tail: the store refuses any batch that does not start at its size, so a stale
      // tail cannot write a gap or a fork; it only makes appends fail until storage recovers.
    }
  }
}
