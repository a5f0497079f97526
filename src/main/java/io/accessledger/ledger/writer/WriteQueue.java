package io.accessledger.ledger.writer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue between the callers and the writer thread, with its back-pressure and its
 * shutdown. A caller MUST NOT block on the ledger: when the queue is full a group is refused at
 * once with {@link LedgerBusyException}, which becomes 503 with {@code Retry-After}; once closing,
 * with an {@link IllegalStateException}. Many threads offer; only the writer thread takes.
 */
final class WriteQueue {
  private final ArrayBlockingQueue<PendingGroup> queue;
  private volatile boolean closing;

  WriteQueue(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues {@code group}, or fails its future at once if the queue is closing or full. */
  void offer(PendingGroup group) {
    if (closing) {
      group.future().completeExceptionally(new IllegalStateException("the sequencer is closed"));
    } else if (!queue.offer(group)) {
      group.future().completeExceptionally(
          new LedgerBusyException("the ledger's write queue is full; retry shortly"));
    }
  }

  /** Groups waiting to be sequenced. */
  int size() {
    return queue.size();
  }

  /** Whether the writer is done: closing, and nothing left queued. */
  boolean closedAndEmpty() {
    return closing && queue.isEmpty();
  }

  /** The next group, waiting up to 50 ms for one (so the writer sees a close); or null. */
  PendingGroup awaitNext() throws InterruptedException {
    return queue.poll(50, TimeUnit.MILLISECONDS);
  }

  /**
   * The next group, taken, if a batch of {@code entries} entries has room for it within
   * {@code maxEntries}; otherwise null, and it stays next. A group is never split.
   */
  PendingGroup takeIfFits(int entries, int maxEntries) {
    PendingGroup next = queue.peek();
    if (next == null || entries + next.events().size() > maxEntries) {
      return null;
    }
    return queue.poll();
  }

  /** Stops accepting groups; the ones already queued are still written. */
  void close() {
    closing = true;
  }

  /**
   * Once the writer has stopped: fails every group still queued. A group offered in the instant
   * between its closing check and the writer's last look at the queue was never written: say so
   * rather than leave its caller waiting.
   */
  void failRemaining() {
    for (PendingGroup group = queue.poll(); group != null; group = queue.poll()) {
      group.future().completeExceptionally(new IllegalStateException("the sequencer is closed"));
    }
  }
}
