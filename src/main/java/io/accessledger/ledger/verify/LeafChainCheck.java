package io.accessledger.ledger.verify;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of each leaf against the leaves before it, in {@code seq} order: that it is a valid
 * leaf naming its own seq, that its stored hash is its real hash, that its {@code prev} is the
 * previous leaf's hash, that its source is not empty, and that its {@code links} point at the
 * previous entry naming each key. These are what make the chain tamper-evident entry by entry: an
 * edit, insertion, removal or move of a single entry breaks one of them at the entry it touched.
 *
 * <p>It keeps, per link key, the latest seq naming it, how many entries name it and the sum of
 * their seqs; that is the verifier's only memory that grows with the log, and what the link index
 * is reconciled with at the end ({@link LinkIndexCheck}). Owned by the run's thread.
 */
final class LeafChainCheck {
  /** Per link key: {latest seq naming it, how many entries name it, the sum of their seqs}. */
  private final Map<String, long[]> heads = new HashMap<>();
  private Digest prev = Digest.ZERO;

  /**
   * Returns the problem with this leaf (or, for a broken prev link, its predecessor), or null; when
   * null, the leaf is the one the next leaf's {@code prev} must name.
   *
   * @param provenSize the size of the latest valid checkpoint: the entries below it are proven,
   *     so a broken {@code prev} is blamed on this leaf rather than on a proven predecessor
   */
  Problem check(DecodedLeaf leaf, long provenSize) {
    long seq = leaf.rowSeq();
    Digest hash = leaf.hash();
    LedgerEntry entry = leaf.entry();
    if (entry == null) {
      return new Problem(seq, "entry " + seq + " is not a valid leaf: " + leaf.formatProblem());
    }
    if (entry.seq() != seq) {
      return new Problem(seq, "entry " + seq + " holds the leaf of seq " + entry.seq()
          + " (entries reordered or moved)");
    }
    if (!hash.equals(leaf.storedHash())) {
      return new Problem(seq, "entry " + seq + " was altered: its leaf hashes to " + hash
          + " but the stored leaf hash is " + leaf.storedHash());
    }
    if (!entry.prev().equals(prev)) {
      // Entry seq-1 or the prev of entry seq was altered; if a valid checkpoint already covers
      // seq-1, it is proven and the fault is entry seq's.
      long blamed = seq == 0 || seq - 1 < provenSize ? seq : seq - 1;
      return new Problem(blamed, seq == 0
          ? "entry 0 has prev " + entry.prev() + ", want 64 zeros"
          : "the leaf hash of entry " + (seq - 1) + " is " + prev + ", but entry " + seq
              + " records prev " + entry.prev() + " (entry " + blamed + " was altered)");
    }
    if (entry.source().isEmpty()) {
      return new Problem(seq, "entry " + seq + " has an empty source");
    }
    String linkProblem = checkLinks(seq, leaf);
    if (linkProblem != null) {
      return new Problem(seq, linkProblem);
    }
    prev = hash;
    return null;
  }

  /**
   * Per link key, {latest seq, entry count, sum of seqs}, as re-derived from the leaves checked so
   * far; live, not a copy.
   */
  Map<String, long[]> heads() {
    return heads;
  }

  private String checkLinks(long seq, DecodedLeaf leaf) {
    if (leaf.linksProblem() != null) {
      return leaf.linksProblem();
    }
    List<String> keys = leaf.linkKeys();
    for (int i = 0; i < keys.size(); i++) {
      String linkKey = keys.get(i);
      long[] head = heads.get(linkKey);
      long want = head == null ? -1 : head[0];
      long got = leaf.linkedSeqs()[i];
      if (got != want) {
        return "entry " + seq + " links " + linkKey + " to seq " + got + ", want " + want
            + " (an entry naming it is missing, added or moved)";
      }
      if (head == null) {
        heads.put(linkKey, new long[] {seq, 1, seq});
      } else {
        head[0] = seq;
        head[1]++;
        head[2] += seq;
      }
    }
    return null;
  }
}
