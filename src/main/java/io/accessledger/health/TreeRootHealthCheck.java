package io.accessledger.health;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.ledger.leaf.EntryRanges;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.util.Optional;

/**
 * Healthy when storage holds exactly the entries the latest signed checkpoint covers and the stored
 * Merkle nodes that make up its root (the right edge of the tree) hash to that root. Costs O(log n)
 * reads, so it runs on every poll; it sees truncation, additions and edits to those nodes, not edits
 * in the middle of the log: the full re-derivation is {@code verify}'s job.
 */
public final class TreeRootHealthCheck extends HealthCheck {
  private final LedgerStore store;
  private final LogSigning signing;

  /** Checks {@code store}'s tree against its latest checkpoint, with the key the log says. */
  public TreeRootHealthCheck(LedgerStore store, LogSigning signing) {
    this.store = store;
    this.signing = signing;
  }

  @Override
  protected Result check() throws Exception {
    try (LedgerSnapshot snapshot = store.snapshot()) {
      return check(snapshot);
    }
  }

  private Result check(LedgerSnapshot snapshot) {
    Optional<StoredCheckpoint> latest = snapshot.latestCheckpoint();
    if (latest.isEmpty()) {
      return Result.unhealthy("the ledger has no signed checkpoint");
    }
    Checkpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.open(
          latest.get().note(), signing.history().keyFor(latest.get().size()));
    } catch (CheckpointException e) {
      return Result.unhealthy("the latest checkpoint does not verify: " + e.getMessage());
    }
    long size = snapshot.size();
    if (size != checkpoint.size()) {
      // Each batch is stored with its checkpoint, so in one snapshot the two always agree.
      return Result.unhealthy(
          "storage holds " + size + " entries but the latest checkpoint covers " + checkpoint.size()
              + ": " + EntryRanges.tailMismatch(size, checkpoint.size()));
    }
    Digest root = MerkleProofs.root(checkpoint.size(), snapshot);
    if (!root.equals(checkpoint.root())) {
      return Result.unhealthy(
          "the stored tree's root at size " + checkpoint.size() + " (" + root
              + ") does not match the latest signed checkpoint's root " + checkpoint.root());
    }
    return Result.healthy("tree of size " + checkpoint.size() + " matches its signed checkpoint");
  }
}
