package io.accessledger.health;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.ledger.Checkpoint;
import io.accessledger.ledger.CheckpointException;
import io.accessledger.ledger.Digest;
import io.accessledger.ledger.MerkleProofs;
import io.accessledger.ledger.SignedCheckpoint;
import io.accessledger.ledger.VerifierKey;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.util.Optional;

/**
 * Healthy when the Merkle tree in storage has exactly the root that the latest signed checkpoint
 * commits to, and storage holds at least as many leaves as it covers. Costs O(log n) reads, so it is
 * cheap enough to run on every health poll; a full re-derivation is {@code verify}'s job.
 */
public final class TreeRootHealthCheck extends HealthCheck {
  private final LedgerStore store;
  private final VerifierKey key;

  public TreeRootHealthCheck(LedgerStore store, VerifierKey key) {
    this.store = store;
    this.key = key;
  }

  @Override
  protected Result check() throws Exception {
    Optional<StoredCheckpoint> latest = store.latestCheckpoint();
    if (latest.isEmpty()) {
      return Result.unhealthy("the ledger has no signed checkpoint");
    }
    Checkpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.open(latest.get().note(), key);
    } catch (CheckpointException e) {
      return Result.unhealthy("the latest checkpoint does not verify: " + e.getMessage());
    }
    long size = store.size();
    if (size < checkpoint.size()) {
      return Result.unhealthy(
          "storage holds " + size + " entries but the latest checkpoint covers " + checkpoint.size()
              + ": entries were removed");
    }
    Digest root = MerkleProofs.root(checkpoint.size(), store);
    if (!root.equals(checkpoint.root())) {
      return Result.unhealthy(
          "the stored tree's root at size " + checkpoint.size() + " (" + root
              + ") does not match the latest signed checkpoint's root " + checkpoint.root());
    }
    return Result.healthy("tree of size " + checkpoint.size() + " matches its signed checkpoint");
  }
}
