package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.KEY_ROTATION;
import static io.accessledger.evidence.BundleProblem.WRONG_KEY;

import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.keys.KeyHistoryException;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain of trust from a key the verifier holds to the key that signs the bundle (contract
 * section 8). Trust in a later key comes only from the log: a {@code KEY_ROTATION} entry naming
 * it, included in a checkpoint that the rotation's old key signed, in a tree of which the
 * bundle's tree is an extension. A key given that comes later in the chain also vouches for the
 * earlier keys, through the same proofs.
 *
 * <p>{@link #chain} reads the rotations' keys (nothing is trusted yet) and finds the trusted key;
 * {@link #prove}, once the bundle's checkpoint is verified with the chain's last key, checks each
 * rotation's signature, inclusion and consistency. Both fail with a {@link BundleException}.
 */
final class KeyChainCheck {
  /** The keys of the bundle's log, and those of them reached from a trusted key, in order. */
  record KeyChain(KeyHistory history, List<VerifierKey> through) {
    /** The key that signs the bundle's tree. */
    VerifierKey bundleKey() {
      return through.get(through.size() - 1);
    }
  }

  private KeyChainCheck() {}

  /** The chain the bundle's rotations describe, if it passes through a key of {@code trusted}. */
  static KeyChain chain(EvidenceBundle bundle, VerifierKeys trusted) throws BundleException {
    if (bundle.keyRotations().isEmpty()) {
      for (VerifierKey key : trusted.keys()) {
        if (key.name().equals(bundle.origin()) && key.toString().equals(bundle.verifierKey())) {
          return new KeyChain(history(key, List.of()), List.of(key));
        }
      }
      throw new BundleException(WRONG_KEY, "the bundle names log "
          + BundleJson.quoted(bundle.origin()) + " with key "
          + BundleJson.quoted(bundle.verifierKey()) + "; you gave " + trusted);
    }
    List<KeyRotation> rotations = new ArrayList<>();
    for (BundleRotation rotation : bundle.keyRotations()) {
      rotations.add(read(rotation, bundle.treeSize()));
    }
    KeyHistory history = history(rotations.get(0).oldKey(), rotations);
    List<VerifierKey> keys = history.keys().keys();
    int first = 0;
    while (first < keys.size() && !trusted.contains(keys.get(first))) {
      first++;
    }
    if (first == keys.size()) {
      throw new BundleException(KEY_ROTATION, "the bundle's key rotations go from key "
          + keys.get(0) + " to " + history.current() + "; you gave " + trusted
          + ", which is none of them");
    }
    if (!history.current().toString().equals(bundle.verifierKey())) {
      throw new BundleException(KEY_ROTATION, "the bundle names key "
          + BundleJson.quoted(bundle.verifierKey()) + " but its key rotations lead to "
          + history.current() + " (a rotation is missing)");
    }
    return new KeyChain(history, keys.subList(first, keys.size()));
  }

  /**
   * Checks every rotation against the bundle's verified tree {@code checkpoint}: its checkpoint is
   * signed by its old key and of a tree that holds it, the entry is included there, and the
   * bundle's tree extends that one.
   */
  static void prove(EvidenceBundle bundle, Checkpoint checkpoint) throws BundleException {
    for (BundleRotation rotation : bundle.keyRotations()) {
      long seq = rotation.entry().seq();
      String where = "the key rotation at entry " + seq;
      KeyRotation announced = read(rotation, checkpoint.size());
      Checkpoint covering;
      try {
        covering = SignedCheckpoint.open(rotation.checkpoint(), VerifierKeys.of(announced.oldKey()));
      } catch (CheckpointException e) {
        throw new BundleException(KEY_ROTATION, where + ": its checkpoint is not validly signed"
            + " by the old key " + announced.oldKey() + ": " + e.getMessage()
            + " (a new key that no old key announced)", e);
      }
      if (covering.size() <= seq || covering.size() > checkpoint.size()) {
        throw new BundleException(KEY_ROTATION, where + ": its checkpoint is of tree size "
            + covering.size() + ", which does not hold it within the bundle's tree of size "
            + checkpoint.size());
      }
      EntryChecks.provenLeaf(rotation.entry(), where, covering);
      try {
        ProofVerifier.verifyConsistency(covering.size(), checkpoint.size(),
            rotation.consistency(), covering.root(), checkpoint.root());
      } catch (ProofException e) {
        throw new BundleException(KEY_ROTATION, where + ": the consistency proof from its"
            + " checkpoint (size " + covering.size() + ") to the bundle's tree (size "
            + checkpoint.size() + ") does not verify: " + e.getMessage(), e);
      }
    }
  }

  private static KeyRotation read(BundleRotation rotation, long treeSize)
      throws BundleException {
    long seq = rotation.entry().seq();
    String where = "the key rotation at entry " + seq;
    if (seq >= treeSize) {
      throw new BundleException(KEY_ROTATION, where + " is beyond the bundle's tree of size "
          + treeSize);
    }
    try {
      LedgerEntry entry = LeafCodec.decode(rotation.entry().leafBytes());
      if (entry.seq() != seq) {
        throw new BundleException(KEY_ROTATION, where + " holds the leaf of seq " + entry.seq());
      }
      return KeyRotation.read(entry);
    } catch (LeafFormatException | KeyHistoryException e) {
      throw new BundleException(KEY_ROTATION, where + " is not a key rotation: "
          + e.getMessage(), e);
    }
  }

  private static KeyHistory history(VerifierKey first, List<KeyRotation> rotations)
      throws BundleException {
    try {
      return KeyHistory.of(first, rotations);
    } catch (KeyHistoryException e) {
      throw new BundleException(KEY_ROTATION, e.getMessage(), e);
    }
  }
}
