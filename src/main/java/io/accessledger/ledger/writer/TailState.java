package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.EntryRanges;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleMath;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the writer needs to extend the log: the Merkle frontier and the last leaf hash. Loaded from
 * storage only after checking storage against its latest signed checkpoint.
 *
 * <p>Loaded from one {@link LedgerSnapshot}, so that on a store other nodes append to, the size,
 * the tree, the latest checkpoint and the last leaf all describe the same log: read one at a
 * time, another node's commit in between would look like a ledger whose checkpoint does not
 * match its leaves. Whoever wrote the latest checkpoint (this node or another), the key MUST
 * verify it, or the tail is not loaded: every node signs with the same key.
 */
record TailState(CompactRange tree, Digest lastLeafHash) {

  /**
   * Loads the tail from one snapshot of {@code store} and checks it against the latest checkpoint.
   *
   * @throws LedgerStateException if the key does not verify the checkpoint, or the stored leaves or
   *     tree do not match it
   */
  static TailState load(LedgerStore store, LogSigning signing) {
    try (LedgerSnapshot snapshot = store.snapshot()) {
      return load(snapshot, signing);
    }
  }

  private static TailState load(LedgerSnapshot snapshot, LogSigning signing) {
    long size = snapshot.size();
    CompactRange tree = new CompactRange(size, snapshot.hashes(MerkleMath.rootNodes(size)));
    Optional<StoredCheckpoint> stored = snapshot.latestCheckpoint();
    if (stored.isEmpty()) {
      if (size > 0) {
        throw new LedgerStateException(
            "the ledger holds " + size + " entries but no signed checkpoint; it has been tampered"
                + " with: run `verify` and restore from a backup");
      }
    } else {
      checkAgainst(stored.get(), signing.history().keyFor(stored.get().size()), size, tree);
    }
    Digest last = size == 0 ? Digest.ZERO : checkedLastLeafHash(snapshot, size, tree.root());
    return new TailState(tree, last);
  }

  /**
   * The hash the next entry's {@code prev} will commit to. Recomputed from the leaf itself and
   * proven to be in the tree whose root was just checked, so a stored hash edited while the
   * service was stopped is never signed into the log.
   */
  private static Digest checkedLastLeafHash(LedgerSnapshot snapshot, long size, Digest root) {
    long seq = size - 1;
    StoredLeaf stored;
    try (Stream<StoredLeaf> leaves = snapshot.leaves(seq, size)) {
      stored = leaves.findFirst()
          .orElseThrow(() -> new LedgerStateException("the ledger's last entry " + seq
              + " is missing. Run `verify` to find the first bad seq."));
    }
    Digest hash = TreeHasher.leafHash(stored.leaf());
    if (!hash.equals(stored.hash())) {
      throw new LedgerStateException("the ledger's last entry " + seq + " is not the one its"
          + " signed tree holds (its stored leaf hash was edited). Run `verify`.");
    }
    try {
      ProofVerifier.verifyInclusion(
          seq, size, hash, MerkleProofs.inclusion(seq, size, snapshot), root);
    } catch (ProofException e) {
      throw new LedgerStateException("the ledger's last entry " + seq + " is not the one its"
          + " signed tree holds (" + e.getMessage() + "). Run `verify` to find the first bad seq.",
          e);
    }
    return hash;
  }

  private static void checkAgainst(
      StoredCheckpoint stored, VerifierKey key, long size, CompactRange tree) {
    Checkpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.open(stored.note(), key);
    } catch (CheckpointException e) {
      throw new LedgerStateException(
          "the signing key (" + key + ") does not verify the ledger's latest"
              + " checkpoint (tree size " + stored.size() + "): " + e.getMessage()
              + ". Start with the key file this ledger was created with, and the same LEDGER_ORIGIN.",
          e);
    }
    if (checkpoint.size() != size) {
      throw new LedgerStateException(
          "the ledger holds " + size + " entries but its latest signed checkpoint covers "
              + checkpoint.size() + ": " + EntryRanges.tailMismatch(size, checkpoint.size())
              + ". Run `verify` to find the first bad seq.");
    }
    if (!checkpoint.root().equals(tree.root())) {
      throw new LedgerStateException(
          "the stored Merkle tree's root " + tree.root() + " does not match the latest signed"
              + " checkpoint's root " + checkpoint.root() + " at size " + size
              + ". Run `verify` to find the first bad seq.");
    }
  }
}
