package io.accessledger.ledger.verify;

import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.keys.KeyHistoryException;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.StoredRotations;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LinkKeySummary;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Re-derives a whole stored ledger from its leaves and checks it against its signed checkpoints,
 * trusting nothing the store says about itself. It checks, in {@code seq} order: that no entry is
 * missing or out of place, that each leaf is canonical and well-formed and names its own seq, that
 * its stored hash is its real hash, that its {@code prev} is the previous leaf's hash, that its
 * {@code links} point at the previous entry naming each key; that every stored Merkle node is the
 * hash of its children; that every stored checkpoint is signed by the key the log's {@code
 * KEY_ROTATION} entries say signs it (the one that first covers a rotation by the old key too),
 * that each rotation continues the chain of keys from one the verifier trusts, and that every
 * checkpoint commits to the root of the first {@code size} leaves; that no checkpoint covers more entries than are stored (a
 * truncated tail) and no entry lies beyond the latest checkpoint (removed checkpoints); that
 * the per-key index lists, for every key, as many entries as the leaves name it in, the latest of
 * them and the sum of their seqs the same, and no rows its lookups would miss or misread; and
 * that the event-id index records exactly the posted events the leaves hold, each at its seq with
 * the digest of the event as posted. Apart from the entries, it checks that the store's
 * append-only guards (its triggers) are all in place as its schema defines them: they are
 * reported beside the first bad seq, not as one, since the entries stay tamper-evident without
 * them. It reads one snapshot, and reads the indexes on threads of their own through others of
 * exactly the same state when the store can open them.
 *
 * <p>It stops at the first problem and names the first bad {@code seq}, never one that a valid
 * checkpoint already proves. Missing entries are named as the whole stretch, first to last seq:
 * in the middle of the log up to the next stored entry, at the tail up to the size of the latest
 * checkpoint (which must itself be validly signed). Where a checkpoint's root does not match and
 * no single leaf shows the edit (an attacker rewrote a whole stretch consistently), the first bad
 * seq is the first entry that no valid checkpoint vouches for. The two indexes are derived data, not evidence: their
 * problems are reported only when the leaves and checkpoints are intact, the one at the earlier
 * seq first. Leaves are decoded on all cores; the checks that depend on order run on the calling
 * thread.
 *
 * <p>Memory grows only with the number of distinct link keys (to check {@code links} and the
 * index); the Merkle state is a frontier of O(log n) hashes, and the event-id index is merged with
 * the leaves as both stream by in seq order.
 */
public final class LedgerVerifier {
  private final LedgerStore store;
  private final VerifierKeys trusted;

  /** A verifier trusting {@code key} alone (and the rotations the log's checkpoints carry). */
  public LedgerVerifier(LedgerStore store, VerifierKey key) {
    this(store, VerifierKeys.of(key));
  }

  /**
   * A verifier trusting {@code trusted}: the log's key history, read from its own {@code
   * KEY_ROTATION} entries, must contain one of them. Every checkpoint is then checked against the
   * key that history says signs it ({@link KeyHistory#requiredSigners}), so a key given at any
   * point of the chain vouches for the keys before and after it through the signed tree.
   */
  public LedgerVerifier(LedgerStore store, VerifierKeys trusted) {
    this.store = store;
    this.trusted = trusted;
  }

  /**
   * The history the checkpoints are checked with: the log's rotations if they form a chain through
   * a trusted key; otherwise the first trusted key alone, so that the checkpoint it does not sign
   * is named as the first problem.
   *
   * <p>Read after the snapshot is taken and only below its size: a rotation appended meanwhile
   * is outside the tree the walk checks, so it is neither used nor reported as unlisted.
   *
   * @throws KeyHistoryException if the rotations do not form a chain
   */
  private KeyHistory keyHistory(long snapshotSize) throws KeyHistoryException {
    VerifierKey first = trusted.keys().get(0);
    KeyHistory alone = KeyHistory.of(first, List.of());
    List<KeyRotation> rotations;
    try {
      rotations = StoredRotations.read(store, first.name(), snapshotSize);
    } catch (LedgerStateException e) {
      return alone; // an index naming what is not there: the walk names the entries
    }
    KeyHistory history = KeyHistory.fromLog(first, rotations);
    return trusted.keys().stream().anyMatch(history::contains) ? history : alone;
  }

  /** Runs the full check. */
  public VerificationResult verify() {
    try (LedgerSnapshot snapshot = store.snapshot()) {
      KeyHistory keys;
      try {
        keys = keyHistory(snapshot.size());
      } catch (KeyHistoryException e) {
        return VerificationResult.broken(snapshot.size(), 0, e.seq(), e.getMessage());
      }
      LedgerSnapshot twin = twinOf(snapshot);
      try {
        LedgerSnapshot linkTwin = twin == null ? null : twinOf(snapshot);
        CompletableFuture<List<LinkKeySummary>> linkSummary = null;
        try {
          linkSummary = linkTwin == null ? null : LinkIndexCheck.readAhead(linkTwin);
          VerificationRun run = new VerificationRun(snapshot, keys, twin, linkSummary);
          try {
            return run.execute().withGuardFaults(snapshot.appendOnlyGuardFaults());
          } finally {
            run.close();
          }
        } finally {
          if (linkTwin != null) {
            if (linkSummary != null) {
              // Its reader uses linkTwin until it is done, whatever became of the run.
              linkSummary.handle((summary, failure) -> null).join();
            }
            linkTwin.close();
          }
        }
      } finally {
        if (twin != null) {
          twin.close();
        }
      }
    }
  }

  /**
   * Another snapshot of the same state as {@code snapshot}, for reading one of the indexes on
   * another thread, or null (then everything is read through {@code snapshot}, one thing at a
   * time). Every commit of the log adds entries and a checkpoint, so two snapshots with the same
   * size and the same latest signed checkpoint were taken between the same two commits. If an
   * append lands between opening the two, they differ and the twin is not used.
   */
  private LedgerSnapshot twinOf(LedgerSnapshot snapshot) {
    LedgerSnapshot twin;
    try {
      twin = store.snapshot();
    } catch (RuntimeException e) {
      return null; // e.g. a store with a single connection
    }
    try {
      if (twin.size() == snapshot.size()
          && twin.latestCheckpoint().equals(snapshot.latestCheckpoint())) {
        return twin;
      }
    } catch (RuntimeException e) {
      // fall through: read everything through the one snapshot
    }
    twin.close();
    return null;
  }
}
