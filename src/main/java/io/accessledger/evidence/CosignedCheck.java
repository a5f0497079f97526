package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.COSIGNATURE;
import static io.accessledger.evidence.BundleProblem.COSIGNED_FORK;
import static io.accessledger.evidence.BundleProblem.NO_COSIGNATURE;

import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifiedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.WitnessKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of a bundle's {@code cosigned} checkpoints ({@link BundleFormat}). Whatever witnesses
 * the verifier names, each cosigned checkpoint MUST be signed by the log's key for its size (the
 * key of the proven rotation chain that signed at that size) and MUST be one the
 * bundle's tree extends (its consistency proof verifies; the same tree when of the same size): a
 * bundle carries nothing it has not proven. Then, for each witness named, the bundle MUST carry at
 * least one cosignature from that witness's key (its name and key ID), and every one it carries
 * MUST verify over its checkpoint; cosignatures from keys not named are ignored, as C2SP requires.
 * Each named witness vouches for the largest tree it cosigned.
 */
final class CosignedCheck {
  private CosignedCheck() {}

  /** A cosigned checkpoint, its log signature and proof checked, and its cosignature lines. */
  private record Opened(Checkpoint checkpoint, String body, List<Cosignature> lines) {}

  static List<WitnessVouch> check(List<BundleCosigned> cosigned, Checkpoint tree, KeyHistory keys,
      List<WitnessKey> witnesses) throws BundleException {
    List<Opened> opened = new ArrayList<>();
    for (BundleCosigned c : cosigned) {
      opened.add(open(c, tree, keys));
    }
    List<WitnessVouch> vouches = new ArrayList<>();
    for (WitnessKey witness : witnesses) {
      WitnessVouch best = null;
      for (Opened c : opened) {
        for (Cosignature line : c.lines()) {
          if (!line.isFrom(witness)) {
            continue;
          }
          try {
            line.verify(c.body(), witness);
          } catch (CheckpointException e) {
            throw new BundleException(COSIGNATURE, "the cosignature of witness "
                + label(witness) + " on tree size " + c.checkpoint().size() + ": "
                + e.getMessage(), e);
          }
          if (best == null || c.checkpoint().size() > best.treeSize()) {
            best = new WitnessVouch(witness, c.checkpoint().size(), line.time());
          }
        }
      }
      if (best == null) {
        throw new BundleException(NO_COSIGNATURE, "none from witness "
            + label(witness) + others(opened));
      }
      vouches.add(best);
    }
    return vouches;
  }

  private static Opened open(BundleCosigned c, Checkpoint tree, KeyHistory keys)
      throws BundleException {
    Checkpoint then;
    try {
      // Any key of the proven chain may open it; the one that MUST have signed it is the key
      // the log used at its size (an older checkpoint may predate a rotation).
      VerifiedCheckpoint signed = SignedCheckpoint.openSigned(c.checkpoint(), keys.keys());
      then = signed.checkpoint();
      VerifierKey due = keys.keyFor(then.size());
      if (!signed.signedBy(due)) {
        throw new CheckpointException("tree size " + then.size() + " is not signed by " + due
            + ", the log's key at that size");
      }
    } catch (CheckpointException e) {
      throw new BundleException(CHECKPOINT, "a cosigned checkpoint: " + e.getMessage(), e);
    }
    long size = then.size();
    String where = "the cosigned checkpoint of tree size " + size;
    if (size > tree.size()) {
      throw new BundleException(COSIGNED_FORK, where + " is larger than the bundle's tree ("
          + tree.size() + ")");
    }
    try {
      if (size == 0) {
        if (!then.root().equals(TreeHasher.emptyRoot()) || !c.proof().isEmpty()) {
          throw new ProofException("a tree of size 0 is the empty tree, with no proof");
        }
      } else {
        ProofVerifier.verifyConsistency(size, tree.size(), c.proof(), then.root(), tree.root());
      }
    } catch (ProofException e) {
      throw new BundleException(COSIGNED_FORK, where + " is not one the bundle's tree of size "
          + tree.size() + " extends: " + e.getMessage(), e);
    }
    String note = c.checkpoint();
    String body = note.substring(0, note.lastIndexOf("\n\n") + 1);
    List<Cosignature> lines = new ArrayList<>();
    for (String line : note.substring(body.length() + 1).split("\n")) {
      try {
        lines.add(Cosignature.parse(line));
      } catch (CheckpointException e) {
        // not a cosignature/v1 line (the log's own signature, say): not a witness's
      }
    }
    return new Opened(then, body, lines);
  }

  private static String others(List<Opened> opened) {
    if (opened.isEmpty()) {
      return "; it carries no cosigned checkpoint (it was made before any witness cosigned, or by"
          + " a log with no witness)";
    }
    Set<String> keys = new TreeSet<>();
    for (Opened c : opened) {
      for (Cosignature line : c.lines()) {
        keys.add(line.keyName() + "+" + line.keyIdHex());
      }
    }
    return keys.isEmpty() ? "; its cosigned checkpoints carry no cosignature"
        : "; its cosignatures are from " + String.join(", ", keys) + " only";
  }

  private static String label(WitnessKey witness) {
    return witness.name() + "+" + witness.keyIdHex();
  }
}
