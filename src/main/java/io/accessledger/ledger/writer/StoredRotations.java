package io.accessledger.ledger.writer;

import io.accessledger.ledger.keys.KeyHistoryException;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.keys.KeyRotationEntries;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log's {@code KEY_ROTATION} entries from a store, through the link index of their
 * history ({@link KeyRotationEntries#linkKey}): a few indexed rows, however long the log.
 *
 * <p>Only entries of source {@code ledger} count: a client may name the record in an event of its
 * own, which is then in the history but announces nothing. The index is not evidence. What this returns is checked where it matters: the writer signs
 * only with the key the rotations lead to and checks it against the latest checkpoint, and {@code
 * verify} checks every rotation entry it walks past against what this read.
 */
public final class StoredRotations {
  private static final int PAGE = 1000;

  private StoredRotations() {}

  /**
   * Every {@code KEY_ROTATION} entry of {@code origin}'s log below {@code treeSize}, in log order.
   *
   * @throws LedgerStateException if an entry the index names is missing or is not a readable
   *     rotation
   */
  public static List<KeyRotation> read(LedgerStore store, String origin, long treeSize) {
    String linkKey = KeyRotationEntries.linkKey(origin);
    List<KeyRotation> rotations = new ArrayList<>();
    long after = -1;
    while (true) {
      List<Long> seqs = store.seqsFor(linkKey, after, PAGE);
      if (seqs.isEmpty()) {
        return List.copyOf(rotations);
      }
      List<StoredLeaf> leaves = store.leaves(seqs);
      if (leaves.size() != seqs.size()) {
        throw new LedgerStateException("the link index of " + linkKey + " names entries " + seqs
            + " but only " + leaves.size() + " of them are stored; run `verify`");
      }
      for (StoredLeaf leaf : leaves) {
        if (leaf.seq() >= treeSize) {
          return List.copyOf(rotations);
        }
        KeyRotation rotation = decode(leaf);
        if (rotation != null) {
          rotations.add(rotation);
        }
      }
      after = seqs.get(seqs.size() - 1);
    }
  }

  /** The rotation {@code leaf} announces; null for a client's event that names the record. */
  private static KeyRotation decode(StoredLeaf leaf) {
    try {
      LedgerEntry entry = LeafCodec.decode(leaf.leaf());
      return KeyRotation.isRotation(entry) ? KeyRotation.read(entry) : null;
    } catch (LeafFormatException | KeyHistoryException e) {
      throw new LedgerStateException("entry " + leaf.seq() + ", which the link index lists as a "
          + KeyRotationEntries.TYPE + ", cannot be read as one (" + e.getMessage()
          + "); run `verify`", e);
    }
  }
}
