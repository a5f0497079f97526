package io.accessledger.store;

import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.ledger.merkle.StoredNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A consistent, read-only view of the ledger as of the moment it was opened: appends committed
 * afterwards are not seen. Long reads (verification, exports) use one, so that the leaves, nodes
 * and checkpoints they read all describe the same log even while the server keeps appending.
 *
 * <p>Streams are valid until the snapshot is closed; several may be open at once. A snapshot is
 * used by one thread at a time. The caller MUST close it; it does not block writers.
 */
public interface LedgerSnapshot extends NodeSource, AutoCloseable {

  /** The number of leaves in this snapshot. */
  long size();

  /** The checkpoint with the largest tree size in this snapshot. */
  Optional<StoredCheckpoint> latestCheckpoint();

  /** Up to {@code limit} checkpoints with size greater than {@code afterSize}, smallest first. */
  List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit);

  /**
   * The stored leaves with {@code from <= seq < to} in {@code seq} order, exactly as stored (gaps
   * and all). Close the stream when done with it.
   */
  Stream<StoredLeaf> leaves(long from, long to);

  /** The stored interior nodes of one level (1 and up) in index order. Close the stream when done. */
  Stream<StoredNode> nodesAtLevel(int level);

  /**
   * One summary per stored link key, in the order the keys were stored, counting the index rows
   * that the key's lookups ({@link LedgerStore#seqsFor} and the like) find where they belong and
   * read back as the seqs they are; then, if there are any, one with a null key for all other rows:
   * rows under a key that is not stored, and rows the lookups would miss or misread (a backend's
   * own layout says which). Close the stream when done.
   */
  Stream<LinkKeySummary> linkIndexSummary();

  /**
   * Every row of the event-id index, in {@code seq} order (rows sharing a seq, which an honest
   * ledger never has, by source and then eventId). Streamed, so the caller's memory does not grow
   * with the log. Close the stream when done.
   */
  Stream<RecordedEventId> eventIds();

  /** As {@link LedgerStore#appendOnlyGuardFaults}, as of this snapshot. */
  List<GuardFault> appendOnlyGuardFaults();

  @Override
  void close();
}
