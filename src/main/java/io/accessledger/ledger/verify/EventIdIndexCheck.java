package io.accessledger.ledger.verify;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.PendingRelease;
import io.accessledger.ledger.leaf.PostedIdentity;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.RecordedEventId;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Reconciles the stored event-id index with the leaves. The index is not evidence, but the service
 * answers a replayed {@code eventId} with the entry it names (200) and refuses a different event
 * under a recorded id (409), so an edited index would make it give wrong answers.
 *
 * <p>Every entry that holds a posted event ({@link EventIdentity#of}) must have exactly
 * one row, with its source, eventId and seq, and the SHA-256 of the event as posted; no row may
 * name any other seq. It is a merge join: the verifier feeds it each leaf in seq order, and it
 * reads the rows, sorted by seq, alongside, so memory stays flat however long the log. It keeps
 * the problem with the earliest seq; a release's digest is settled only after its subject entries,
 * so a release problem can still displace one found at a later seq in between.
 */
final class EventIdIndexCheck implements AutoCloseable {
  private final LedgerSnapshot snapshot;
  private final boolean readAhead;
  private Stream<RecordedEventId> stream;
  private PrefetchingIterator<RecordedEventId> prefetched;
  private Iterator<RecordedEventId> rows;
  private RecordedEventId nextRow;
  private boolean rowsDone;
  private PendingRelease pending;
  private Problem first;
  /** The seq being checked: where reading stopped, if a row cannot be read. */
  private long position;

  /**
   * @param snapshot where the index rows are read, a snapshot of exactly the state the leaves are
   *     read from
   * @param readAhead whether to read them on a thread of their own ({@link PrefetchingIterator});
   *     only when {@code snapshot} is not also being read by the caller's thread
   */
  EventIdIndexCheck(LedgerSnapshot snapshot, boolean readAhead) {
    this.snapshot = snapshot;
    this.readAhead = readAhead;
  }

  /**
   * Takes the next leaf: seqs 0, 1, 2, … in turn, each one a valid leaf whose own checks passed.
   */
  void accept(DecodedLeaf leaf) {
    if (settled()) {
      return; // nothing later can be earlier than the problem already found
    }
    long seq = leaf.rowSeq();
    position = seq;
    LedgerEntry entry = leaf.entry();
    if (pending != null) {
      String notSubject = pending.accept(seq, entry);
      if (notSubject != null) {
        report(pending.seq(), notSubject);
        pending = null;
      } else if (pending.complete()) {
        report(pending.seq(), pending.contentProblem());
        pending = null;
      }
    }
    PostedIdentity want = leaf.posted();
    String eventId = want == null ? null : want.eventId();
    boolean found = false;
    for (RecordedEventId row = takeRowUpTo(seq); row != null; row = takeRowUpTo(seq)) {
      if (row.seq() < seq) {
        // Rows are taken up to each seq from 0, so only a negative seq is left behind.
        report(0, "the event-id index records " + describe(row) + " at seq " + row.seq()
            + ", which is no entry (index edited)");
      } else if (eventId == null) {
        report(seq, "the event-id index records " + describe(row) + " at seq " + seq
            + ", but entry " + seq + " " + EventIdentity.whyNone(entry) + " (index edited)");
      } else if (found
          || !entry.source().equals(row.source())
          || !eventId.equals(row.eventId())) {
        report(seq, "the event-id index records " + describe(row) + " at seq " + seq
            + ", but entry " + seq + " holds " + EventIdentity.describe(entry.source(), eventId)
            + (found ? ", which it records there too" : "") + " (index edited)");
      } else {
        found = true;
        checkContent(seq, entry, want, row);
      }
    }
    if (eventId != null && !found) {
      report(seq, "the event-id index has no row for "
          + EventIdentity.describe(entry.source(), eventId) + ", which entry " + seq
          + " holds (index edited)");
    }
  }

  /**
   * Ends the check once every leaf has been fed.
   *
   * @param size how many leaves there are
   * @return the problem with the earliest seq, or null when the index matches the leaves
   */
  Problem finish(long size) {
    position = size;
    if (pending != null) {
      report(pending.seq(), pending.truncated());
      pending = null;
    }
    if (!settled()) {
      RecordedEventId beyond = takeRowUpTo(Long.MAX_VALUE);
      if (beyond != null) {
        report(Math.max(0, beyond.seq()), "the event-id index records " + describe(beyond)
            + " at seq " + beyond.seq() + ", but the log holds only " + size + " entries"
            + " (index edited)");
      }
    }
    return first;
  }

  private void checkContent(
      long seq, LedgerEntry entry, PostedIdentity want, RecordedEventId row) {
    if (!want.release()) {
      if (!want.content().equals(row.content())) {
        report(seq, "the event-id index records " + EventIdentity.describeContent(row.content())
            + " for " + describe(row) + " at seq " + seq + ", but the event of entry " + seq
            + " hashes to " + want.content() + " (index edited)");
      }
      return;
    }
    String malformed = PendingRelease.malformed(entry);
    if (malformed != null) {
      report(seq, "the extract release at seq " + seq + " cannot be turned back into the event as"
          + " posted to check its event-id row: " + malformed);
      return;
    }
    pending = PendingRelease.start(seq, entry, want.eventId(), row.content());
  }

  /** The next row if its seq is at most {@code seq}, taken; otherwise null, and it stays next. */
  private RecordedEventId takeRowUpTo(long seq) {
    if (nextRow == null && !rowsDone) {
      nextRow = readRow();
    }
    if (nextRow == null || nextRow.seq() > seq) {
      return null;
    }
    RecordedEventId taken = nextRow;
    nextRow = null;
    return taken;
  }

  private RecordedEventId readRow() {
    try {
      if (rows == null) {
        if (readAhead) {
          prefetched = new PrefetchingIterator<>(snapshot::eventIds, "verify-event-ids");
          rows = prefetched;
        } else {
          // Opened inside the try, as the reader thread opens it: a failure to run the query is
          // reported the same way whichever thread reads.
          stream = snapshot.eventIds();
          rows = stream.iterator();
        }
      }
      if (rows.hasNext()) {
        return rows.next();
      }
    } catch (RuntimeException e) {
      // The store failed mid-stream, or holds a row it cannot map: either way the rows from
      // here on cannot be reconciled, and the leaves from here on cannot be vouched for.
      report(position, "a row of the event-id index at or after seq " + position
          + " cannot be read: " + e.getMessage() + " (index edited)");
    }
    rowsDone = true;
    return null;
  }

  private void report(long seq, String message) {
    if (message != null && (first == null || seq < first.seq())) {
      first = new Problem(seq, message);
    }
  }

  /** Whether the problem found is final: only a pending release could still be earlier. */
  private boolean settled() {
    return first != null && (pending == null || pending.seq() >= first.seq());
  }

  private static String describe(RecordedEventId row) {
    return EventIdentity.describe(row.source(), row.eventId());
  }

  @Override
  public void close() {
    if (prefetched != null) {
      prefetched.close();
    }
    if (stream != null) {
      stream.close();
    }
  }
}
