package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.FORK;
import static io.accessledger.evidence.BundleProblem.NO_CONSISTENCY_PROOF;
import static io.accessledger.evidence.BundleProblem.PROOF;
import static io.accessledger.evidence.BundleProblem.ROLLED_BACK;
import static io.accessledger.evidence.BundleProblem.SAVED_CHECKPOINT;

import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.notes.VerifierKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks that the log only grew: each of the bundle's consistency proofs leads from a
 * checkpoint the key signed at its size to the bundle's tree; and a checkpoint the verifier saved
 * earlier is one of those trees (or the bundle's own, or the empty tree).
 */
final class ConsistencyCheck {
  private ConsistencyCheck() {}

  /**
   * Checks each consistency proof; returns the earlier checkpoints by size, and adds their sizes
   * to {@code from} in order.
   */
  static Map<Long, Checkpoint> earlier(List<BundleConsistency> proofs, Checkpoint checkpoint,
      KeyHistory keys, List<Long> from) throws BundleException {
    Map<Long, Checkpoint> earlier = new LinkedHashMap<>();
    for (BundleConsistency proof : proofs) {
      long size = proof.from();
      Checkpoint then;
      try {
        then = SignedCheckpoint.open(proof.checkpoint(), keys.keyFor(size));
      } catch (CheckpointException e) {
        throw new BundleException(CHECKPOINT, "the checkpoint at size " + size + ": "
            + e.getMessage(), e);
      }
      if (then.size() != size || earlier.containsKey(size)) {
        throw new BundleException(CHECKPOINT, "consistency from " + size + " carries a"
            + " checkpoint of size " + then.size() + (earlier.containsKey(size) ? ", twice" : ""));
      }
      try {
        ProofVerifier.verifyConsistency(size, checkpoint.size(), proof.proof(), then.root(),
            checkpoint.root());
      } catch (ProofException e) {
        throw new BundleException(PROOF, "the consistency proof from " + size + " to "
            + checkpoint.size() + " does not verify: " + e.getMessage(), e);
      }
      earlier.put(size, then);
      from.add(size);
    }
    return earlier;
  }

  /**
   * Checks {@code saved}, a checkpoint note the verifier kept, against the bundle's tree and the
   * {@code earlier} trees its proofs showed it extends; returns it opened.
   */
  static Checkpoint saved(
      String saved, VerifierKeys key, Checkpoint checkpoint, Map<Long, Checkpoint> earlier)
      throws BundleException {
    Checkpoint then;
    try {
      then = SignedCheckpoint.open(saved, key);
    } catch (CheckpointException e) {
      throw new BundleException(SAVED_CHECKPOINT, e.getMessage(), e);
    }
    if (then.size() > checkpoint.size()) {
      throw new BundleException(ROLLED_BACK, "you saved a checkpoint of " + then.size()
          + " entries; the bundle's log has only " + checkpoint.size());
    }
    if (then.size() == 0) {
      // Every tree extends the empty one, whose root is fixed; the log signs it on first start.
      if (!then.root().equals(TreeHasher.emptyRoot())) {
        throw new BundleException(FORK, "the saved checkpoint of the empty tree has the root "
            + then.root().base64() + ", not the empty tree's");
      }
      return then;
    }
    Checkpoint signed = then.size() == checkpoint.size() ? checkpoint : earlier.get(then.size());
    if (signed == null) {
      throw new BundleException(NO_CONSISTENCY_PROOF, "the bundle has no consistency proof from"
          + " size " + then.size() + "; ask for a bundle with since=" + then.size());
    }
    if (!signed.root().equals(then.root())) {
      throw new BundleException(FORK, "the log signed two different trees of size "
          + then.size() + ": root " + then.root().base64() + " (saved) and "
          + signed.root().base64() + " (this bundle)");
    }
    return then;
  }
}
