package io.accessledger.ledger.verify;

import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.keys.KeyHistoryException;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.keys.KeyRotationEntries;

/**
 * Checks each {@code KEY_ROTATION} entry the walk reaches against the key history the checkpoints
 * are checked with, which was read through the link index before the walk: a rotation entry the
 * index does not list (or lists differently) would have the checkpoints after it checked against
 * the wrong key, so it is named here, at its own seq.
 */
final class RotationCheck {
  private RotationCheck() {}

  /** The problem with {@code leaf} as a rotation, or null (also for every other entry). */
  static Problem check(DecodedLeaf leaf, KeyHistory keys) {
    if (leaf.entry() == null || !KeyRotation.isRotation(leaf.entry())) {
      return null;
    }
    long seq = leaf.rowSeq();
    KeyRotation rotation;
    try {
      rotation = KeyRotation.read(leaf.entry());
    } catch (KeyHistoryException e) {
      return new Problem(seq, e.getMessage());
    }
    boolean listed = keys.rotations().stream().anyMatch(known -> known.seq() == seq
        && known.oldKey().equals(rotation.oldKey()) && known.newKey().equals(rotation.newKey()));
    if (!listed) {
      return new Problem(seq, "entry " + seq + " is a " + KeyRotationEntries.TYPE + " entry"
          + " that the link index of " + KeyRotationEntries.linkKey(rotation.oldKey().name())
          + " does not list as such (link index altered)");
    }
    return null;
  }
}
