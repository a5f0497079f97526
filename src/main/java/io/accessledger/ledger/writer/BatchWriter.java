package io.accessledger.ledger.writer;

import io.accessledger.store.DiskReserve;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoreException;
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
  private final LogSigning signing;
  private final DiskReserve reserve;
  private final WriteQueue queue;
  private final int maxBatchEntries;
  private final BatchBuilder builder;
  private final Thread thread;
  private final AtomicLong batchesWritten = new AtomicLong();
  private volatile Throwable lastFailure;
  private WriterTail tail;

  BatchWriter(LedgerStore store, LogSigning signing, Clock clock,
      SequencerSettings settings, DiskReserve reserve, WriteQueue queue) {
    this.store = store;
    this.signing = signing;
    this.reserve = reserve;
    this.queue = queue;
    this.maxBatchEntries = settings.maxBatchEntries();
    this.builder = new BatchBuilder(store, signing, clock, settings.linkCacheSize());
    this.thread = new Thread(this::run, "ledger-sequencer");
  }

  /**
   * Opens the tail ({@link WriterTail#open}: on an empty ledger, stores the empty tree's
   * checkpoint), then starts the thread.
   *
   * @throws LedgerStateException as {@link TailState#load} does; nothing is written then
   */
  void start() {
    tail = WriterTail.open(store, signing, builder);
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
    return tail.latest();
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
        PendingBatch batch = new PendingBatch(groups);
        try {
          write(batch);
        } catch (Throwable t) {
          // Whatever happens, no caller is left waiting and the writer goes on.
          lastFailure = t;
          batch.failAll(t);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes {@code batch}, building it again while other writers append first. */
  private void write(PendingBatch batch) {
    for (int attempt = 1; ; attempt++) {
      boolean done;
      try (WriteTurn turn = store.awaitWriteTurn()) {
        if (turn.othersMayHaveAppended() && tail.moved()) {
          reloadMoved(batch, null);
        }
        done = writeOnce(batch);
      }
      if (done || batch.isEmpty()) {
        return;
      }
      if (attempt == MAX_ATTEMPTS) {
        LedgerBusyException busy = new LedgerBusyException("other nodes appended first "
            + MAX_ATTEMPTS + " times in a row; nothing of this request was written; retry");
        lastFailure = busy;
        batch.failAll(busy);
        return;
      }
    }
  }

  /**
   * One attempt at the batch: true once every group is written, refused or failed; false when it
   * is to be built again on the reloaded tail (another writer appended first).
   */
  private boolean writeOnce(PendingBatch batch) {
    if (batch.isEmpty()) {
      return true;
    }
    BatchBuilder.Built built = null;
    boolean appending = false;
    try {
      built = builder.build(tail.state(), batch.writing(), batch.entries());
      long growth = store.expectedGrowth(built.batch());
      long room = reserve.room(); // the batch's one free-space probe
      if (growth > room) {
        BatchBuilder.Built tooLarge = built;
        built = null;
        GroupsThatFit.Split split = GroupsThatFit.split(tooLarge, room, store, reserve);
        // The heads the builder remembered name seqs that the refused groups would have taken.
        builder.forget();
        batch.refused(split.refused().get(0).reason());
        lastFailure = batch.refusal(); // before any caller learns of its refusal
        split.refused().forEach(r -> r.group().future().completeExceptionally(r.reason()));
        batch.keep(split.kept());
        if (batch.isEmpty()) {
          return true;
        }
        built = builder.build(tail.state(), batch.writing(), batch.entries());
        long keptGrowth = store.expectedGrowth(built.batch());
        if (keptGrowth > room) {
          throw reserve.refusal(room, keptGrowth, keptGrowth);
        }
      }
      appending = true;
      store.append(built.batch());
    } catch (StaleTailException e) {
      reloadMoved(batch, e); // nothing of the batch was written
      return false;
    } catch (RuntimeException | Error e) {
      tail.reloadIfReadable();
      if (appending && tail.holds(built)) {
        // The commit reached the disk and only its acknowledgement failed: the entries are there.
        acknowledge(built, batch.refusal());
        return true;
      }
      if (appending && e instanceof RuntimeException && withoutRecorded(batch)) {
        return false; // the store refused an event another writer recorded: the rest goes again
      }
      lastFailure = e;
      batch.failAll(e);
      return true;
    }
    tail.advance(built);
    acknowledge(built, batch.refusal());
    return true;
  }

  /** Completes the written groups; {@code refusal} is why others of the batch were refused. */
  private void acknowledge(BatchBuilder.Built built, LedgerDiskFullException refusal) {
    lastFailure = refusal;
    tail.publish(built.batch().checkpoint());
    batchesWritten.incrementAndGet();
    for (int i = 0; i < built.groups().size(); i++) {
      built.groups().get(i).future().complete(built.results().get(i));
    }
  }

  /**
   * Another writer appended first: reloads the tail and drops the groups it has recorded an event
   * of. If the tail cannot be loaded (storage fails, or this key does not verify the checkpoint the
   * other writer stored), the batch's groups fail with that reason.
   */
  private void reloadMoved(PendingBatch batch, StaleTailException refusal) {
    try {
      tail.reload();
      batch.keep(RecordedGroups.failRecorded(store, batch.writing()));
    } catch (RuntimeException e) {
      RuntimeException failure = refusal == null ? e : afterRefusal(refusal, e);
      lastFailure = failure;
      batch.failAll(failure);
    }
  }

  /** Why a batch refused as stale could not be built again: both reasons, in one message. */
  private static RuntimeException afterRefusal(StaleTailException refusal, RuntimeException e) {
    String message = refusal.getMessage() + "; and the log as stored cannot be extended: "
        + e.getMessage();
    RuntimeException failure = e instanceof LedgerStateException
        ? new LedgerStateException(message, e) : new StoreException(message, e);
    failure.addSuppressed(refusal);
    return failure;
  }

  /** Drops the groups holding a recorded event; whether there were any. */
  private boolean withoutRecorded(PendingBatch batch) {
    try {
      List<PendingGroup> kept = RecordedGroups.failRecorded(store, batch.writing());
      boolean dropped = kept.size() < batch.writing().size();
      batch.keep(kept);
      return dropped;
    } catch (RuntimeException e) {
      return false; // storage is failing: the append's own failure is the one to report
    }
  }
}
