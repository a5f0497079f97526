package io.accessledger.ledger.writer;

import io.accessledger.store.LedgerDiskFullException;
import java.util.List;

/**
 * The groups of one batch that are still to be written, through however many attempts the
 * {@link BatchWriter} makes: groups leave it when the disk has no room for them, when another
 * writer recorded one of their events, or when they fail. Owned by the writer thread.
 */
final class PendingBatch {
  private List<PendingGroup> writing;
  private LedgerDiskFullException refusal;

  PendingBatch(List<PendingGroup> groups) {
    this.writing = List.copyOf(groups);
  }

  /** The groups still to write, in queue order. */
  List<PendingGroup> writing() {
    return writing;
  }

  /** Whether nothing is left to write. */
  boolean isEmpty() {
    return writing.isEmpty();
  }

  int entries() {
    return writing.stream().mapToInt(g -> g.events().size()).sum();
  }

  /** Keeps only {@code kept}, which the others have left (their futures completed). */
  void keep(List<PendingGroup> kept) {
    writing = List.copyOf(kept);
  }

  /** Why groups of this batch were refused for room, or null. */
  LedgerDiskFullException refusal() {
    return refusal;
  }

  void refused(LedgerDiskFullException reason) {
    refusal = reason;
  }

  /** Fails every group still to write with {@code failure}; none is left. */
  void failAll(Throwable failure) {
    writing.forEach(g -> g.future().completeExceptionally(failure));
    writing = List.of();
  }
}
