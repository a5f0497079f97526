package io.accessledger.ledger.verify;

import io.accessledger.ledger.leaf.EntryRanges;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.notes.VerifiedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.StoredCheckpoint;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The checks of the stored checkpoints, the log's signed commitments: each must be validly signed
 * by the key, sign its own tree size, and commit to the root of exactly the first {@code size}
 * leaves as re-derived; none may cover more entries than are stored (a truncated tail), and no
 * entry may lie beyond the latest (removed checkpoints). A checkpoint that checks out proves every
 * entry below its size, so the other checks never blame those.
 *
 * <p>Checkpoints are read in pages, in size order, as the leaves reach each size, so memory stays
 * at one page however many there are. Owned by the run's thread.
 */
final class CheckpointCheck {
  private static final int CHECKPOINT_PAGE = 1000;

  private final LedgerSnapshot snapshot;
  private final KeyHistory keys;
  private final CompactRange tree;
  private final ArrayDeque<StoredCheckpoint> pendingCheckpoints = new ArrayDeque<>();
  private long lastCheckpointFetched = -1;
  private long checkpointsChecked;
  private long provenSize;

  /** @param tree the tree re-derived from the leaves read so far, whose root each must sign */
  CheckpointCheck(LedgerSnapshot snapshot, KeyHistory keys, CompactRange tree) {
    this.snapshot = snapshot;
    this.keys = keys;
    this.tree = tree;
  }

  /** How many checkpoints have checked out. */
  long checked() {
    return checkpointsChecked;
  }

  /** The size of the latest checkpoint that checked out: the entries below it are proven. */
  long provenSize() {
    return provenSize;
  }

  /**
   * Checks every stored checkpoint of exactly {@code size}, the number of leaves read so far;
   * returns a problem or null.
   */
  String checkAt(long size) {
    for (StoredCheckpoint next = nextCheckpoint();
        next != null && next.size() == size;
        next = nextCheckpoint()) {
      pendingCheckpoints.poll();
      Checkpoint checkpoint;
      VerifierKey key = keys.keyFor(size);
      List<VerifierKey> required = keys.requiredSigners(provenSize, size);
      VerifiedCheckpoint verified;
      try {
        verified = SignedCheckpoint.openSigned(next.note(), VerifierKeys.of(key));
      } catch (CheckpointException e) {
        return "the checkpoint stored for tree size " + size + " is not validly signed by "
            + key + ": " + e.getMessage() + " (forged or altered checkpoint)";
      }
      checkpoint = verified.checkpoint();
      for (VerifierKey old : required) {
        if (!old.equals(key)) {
          String problem = oldKeyProblem(next, size, old);
          if (problem != null) {
            return problem;
          }
        }
      }
      if (checkpoint.size() != size) {
        return "the checkpoint stored for tree size " + size + " signs tree size "
            + checkpoint.size() + " (altered checkpoint)";
      }
      Digest root = tree.root();
      if (!checkpoint.root().equals(root)) {
        return "entries " + provenSize + " to " + (size - 1) + " do not match the checkpoint"
            + " signed at tree size " + size + ": root " + root + ", signed "
            + checkpoint.root() + " (entries altered, inserted or removed)";
      }
      checkpointsChecked++;
      provenSize = size;
    }
    return null;
  }

  /**
   * Once every stored entry is read and intact: the problem if a checkpoint covers more than the
   * {@code stored} entries, if there is no checkpoint at all, or if entries lie beyond the latest;
   * otherwise null.
   */
  Problem checkEnd(long stored) {
    if (nextCheckpoint() != null) {
      return truncatedTail(stored);
    }
    if (checkpointsChecked == 0) {
      return new Problem(0, "the ledger has no signed checkpoint at all (checkpoints removed)");
    }
    if (provenSize != stored) {
      // Every batch is stored with its checkpoint in one transaction, so an honest ledger never
      // holds entries beyond its latest checkpoint.
      return new Problem(provenSize, EntryRanges.of(provenSize, stored - 1, "is", "are")
          + " not covered by any signed checkpoint (later checkpoints were removed, or"
          + " entries were added outside the service)");
    }
    return null;
  }

  /**
   * Every stored entry is intact but a stored checkpoint covers more: the entries from
   * {@code stored} up to the size of the latest checkpoint, signed by the key, were removed. The
   * latest is the one checked, not the first beyond the stored entries, so the report names the
   * whole removed stretch; an attacker's unsigned checkpoint there is named as forged instead.
   */
  private Problem truncatedTail(long stored) {
    StoredCheckpoint latest = snapshot.latestCheckpoint().orElseThrow();
    VerifierKey key = keys.keyFor(latest.size());
    Checkpoint signed;
    try {
      signed = SignedCheckpoint.open(latest.note(), key);
    } catch (CheckpointException e) {
      return new Problem(stored, "the checkpoint stored for tree size " + latest.size()
          + ", beyond the " + stored + " stored entries, is not validly signed by " + key + ": "
          + e.getMessage() + " (forged or altered checkpoint)");
    }
    if (signed.size() != latest.size()) {
      return new Problem(stored, "the checkpoint stored for tree size " + latest.size()
          + " signs tree size " + signed.size() + " (altered checkpoint)");
    }
    return new Problem(stored, EntryRanges.of(stored, latest.size() - 1, "was", "were")
        + " removed (truncated tail): a checkpoint of tree size " + latest.size()
        + " is signed but only " + stored + " entries are stored");
  }

  /**
   * The checkpoint that first covers a rotation MUST carry the old key's signature: trust in the
   * new key comes from a checkpoint the old key signed.
   */
  private String oldKeyProblem(StoredCheckpoint stored, long size, VerifierKey old) {
    try {
      SignedCheckpoint.open(stored.note(), VerifierKeys.of(old));
      return null;
    } catch (CheckpointException e) {
      long rotation = keys.retirementOf(old).orElseThrow().seq();
      return "the checkpoint stored for tree size " + size + ", the first to cover the key"
          + " rotation at entry " + rotation + ", is not validly signed by the old key " + old
          + ": " + e.getMessage() + " (a rotation the old key did not make)";
    }
  }

  private StoredCheckpoint nextCheckpoint() {
    if (pendingCheckpoints.isEmpty()) {
      List<StoredCheckpoint> page =
          snapshot.checkpointsAfter(lastCheckpointFetched, CHECKPOINT_PAGE);
      if (page.isEmpty()) {
        return null;
      }
      pendingCheckpoints.addAll(page);
      lastCheckpointFetched = page.get(page.size() - 1).size();
    }
    return pendingCheckpoints.peek();
  }
}
