package io.accessledger.ledger.verify;

import io.accessledger.ledger.leaf.EntryRanges;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.StoredLeaf;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * One run of {@link LedgerVerifier} over one snapshot: reads every stored leaf in {@code seq}
 * order, decoded on all cores, and drives the checks over them in the order that decides which
 * problem is reported: that no entry is missing or out of place (here), then each leaf against the
 * chain ({@link LeafChainCheck}), the stored nodes it completes ({@link StoredNodeCheck}), the
 * event-id index ({@link EventIdIndexCheck}) and the checkpoints of the size reached
 * ({@link CheckpointCheck}); once all are read, the end of the log, the nodes left over, and the
 * two indexes ({@link LinkIndexCheck}, {@link EventIdIndexCheck}). It stops at the first problem,
 * unless an earlier one is {@linkplain DeferredProblem held back}.
 *
 * <p>Used once, on the calling thread; {@link #close} MUST be called after {@link #execute}
 * whatever its outcome, before the snapshots it reads are closed.
 */
final class VerificationRun implements AutoCloseable {
  private final LedgerSnapshot snapshot;
  private final CompactRange tree = new CompactRange();
  private final DeferredProblem deferred = new DeferredProblem();
  private final LeafChainCheck chain = new LeafChainCheck();
  private final StoredNodeCheck nodes;
  private final CheckpointCheck checkpoints;
  private final EventIdIndexCheck eventIds;

  /** The link index's summary being read on another thread, or null to read it at the end. */
  private final CompletableFuture<List<LinkKeySummary>> linkSummary;
  private final KeyHistory keys;

  /**
   * @param twin another snapshot of exactly the state of {@code snapshot}, to read the event-id
   *     index from on a thread of its own, or null to read it through {@code snapshot}
   */
  VerificationRun(LedgerSnapshot snapshot, KeyHistory keys, LedgerSnapshot twin,
      CompletableFuture<List<LinkKeySummary>> linkSummary) {
    this.snapshot = snapshot;
    this.keys = keys;
    this.linkSummary = linkSummary;
    this.nodes = new StoredNodeCheck(snapshot, tree, deferred);
    this.checkpoints = new CheckpointCheck(snapshot, keys, tree);
    this.eventIds = twin == null
        ? new EventIdIndexCheck(snapshot, false)
        : new EventIdIndexCheck(twin, true);
  }

  VerificationResult execute() {
    String problem = checkpoints.checkAt(0);
    if (problem != null) {
      return broken(0, problem);
    }
    long expected = 0;
    try (Stream<StoredLeaf> leaves = snapshot.leaves(0, Long.MAX_VALUE);
        ParallelLeafDecoder decoded = new ParallelLeafDecoder(leaves.iterator())) {
      while (true) {
        DecodedLeaf leaf;
        try {
          if (!decoded.hasNext()) {
            break;
          }
          leaf = decoded.next();
        } catch (RuntimeException e) {
          // A row a store's own schema would refuse (a NULL leaf, a short hash): someone
          // rebuilt the table by hand.
          return earliest(new Problem(expected, "the stored row for entry " + expected
              + " cannot be read: " + e.getMessage()));
        }
        if (leaf.rowSeq() != expected) {
          return earliest(gapBefore(expected, leaf.rowSeq()));
        }
        Problem leafProblem = chain.check(leaf, checkpoints.provenSize());
        if (leafProblem == null) {
          leafProblem = RotationCheck.check(leaf, keys);
        }
        if (leafProblem != null) {
          return earliest(leafProblem);
        }
        nodes.append(leaf.hash(), checkpoints.provenSize());
        eventIds.accept(leaf);
        if (deferred.isDueAt(leaf.rowSeq())) {
          return broken(deferred.problem());
        }
        expected++;
        problem = checkpoints.checkAt(expected);
        if (problem != null) {
          // Entry `expected`, if stored, is read first: its prev may name the altered entry.
          deferred.defer(new Problem(checkpoints.provenSize(), problem), expected);
        }
      }
    }
    if (deferred.isHeld()) {
      return broken(deferred.problem());
    }
    Problem endProblem = checkpoints.checkEnd(expected);
    if (endProblem != null) {
      return broken(endProblem);
    }
    problem = nodes.checkExhausted();
    if (problem != null) {
      return broken(expected, problem);
    }
    List<LinkKeySummary> linkIndex = linkSummary == null
        ? LinkIndexCheck.read(snapshot) : LinkIndexCheck.await(linkSummary);
    Problem indexProblem = Problem.earlier(
        new LinkIndexCheck(chain.heads()).check(linkIndex), eventIds.finish(expected));
    if (indexProblem != null) {
      return broken(indexProblem);
    }
    return VerificationResult.intact(expected, checkpoints.checked());
  }

  /**
   * Entries {@code expected} to {@code nextStored - 1} are not stored, though a later one is: the
   * whole stretch is named, so that a deletion of several entries reads as what it is.
   */
  private static Problem gapBefore(long expected, long nextStored) {
    if (nextStored < expected) {
      // Only a table rebuilt without its primary key can hold two rows for one seq.
      return new Problem(expected, "entry " + (expected - 1) + " is stored twice, or out of"
          + " order: the next stored entry is " + nextStored + " (entries reordered or added)");
    }
    return new Problem(expected, EntryRanges.of(expected, nextStored - 1, "is", "are")
        + " missing: the next stored entry is " + nextStored + " (removed)");
  }

  /** Reports {@code found}, unless a problem held back lies at an earlier seq. */
  private VerificationResult earliest(Problem found) {
    return broken(deferred.earlierThan(found));
  }

  private VerificationResult broken(Problem problem) {
    return broken(problem.seq(), problem.message());
  }

  private VerificationResult broken(long seq, String problem) {
    return VerificationResult.broken(tree.size(), checkpoints.checked(), seq, problem);
  }

  @Override
  public void close() {
    try {
      nodes.close();
    } finally {
      // Stops the event-id reader before the twin snapshot it reads is closed.
      eventIds.close();
    }
  }
}
