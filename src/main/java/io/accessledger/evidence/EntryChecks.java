package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.LEAF_HASH;
import static io.accessledger.evidence.BundleProblem.OUT_OF_ORDER;
import static io.accessledger.evidence.BundleProblem.PROOF;

import io.accessledger.ledger.leaf.HistoryChain;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of a bundle's proven entries against its signed tree: each leaf hashes to its
 * {@code leafHash} ({@code LEAF_HASH}), is included at its {@code seq} ({@code PROOF}) and is a
 * valid leaf of that {@code seq} ({@code BAD_LEAF}); and the history's entries are an unbroken
 * chain of the key's links ending at the signed head.
 */
final class EntryChecks {
  private EntryChecks() {}

  /** The leaf of a proven entry, decoded and checked to be the leaf of its seq. */
  static LedgerEntry provenLeaf(BundleEntry entry, String where, Checkpoint checkpoint)
      throws BundleException {
    byte[] leaf = provenBytes(entry, where, checkpoint);
    try {
      LedgerEntry decoded = LeafCodec.decode(leaf);
      if (decoded.seq() != entry.seq()) {
        throw new BundleException(BundleProblem.BAD_LEAF, where + " holds the leaf of seq "
            + decoded.seq());
      }
      return decoded;
    } catch (LeafFormatException e) {
      throw new BundleException(BundleProblem.BAD_LEAF, where + " is not a valid leaf: "
          + e.getMessage(), e);
    }
  }

  /** Checks an entry's leaf hash and inclusion proof; returns the leaf's bytes. */
  static byte[] provenBytes(BundleEntry entry, String where, Checkpoint checkpoint)
      throws BundleException {
    byte[] leaf = entry.leafBytes();
    Digest hash = TreeHasher.leafHash(leaf);
    if (!hash.equals(entry.leafHash())) {
      throw new BundleException(LEAF_HASH, where + ": the leaf hashes to " + hash.hex()
          + ", not " + entry.leafHash().hex());
    }
    try {
      ProofVerifier.verifyInclusion(entry.seq(), checkpoint.size(), hash, entry.proof(),
          checkpoint.root());
    } catch (ProofException e) {
      throw new BundleException(PROOF, where + ": inclusion proof in the tree of size "
          + checkpoint.size() + " does not verify: " + e.getMessage(), e);
    }
    return leaf;
  }

  /**
   * Checks the history: entries in ascending seq order (checked first, before any hashing), each
   * proven, together the unbroken chain of {@code linkKey}'s links from the start to {@code head}.
   */
  static List<LedgerEntry> history(
      List<BundleEntry> entries, String linkKey, long head, Checkpoint checkpoint)
      throws BundleException {
    long previous = -1;
    for (BundleEntry entry : entries) {
      if (entry.seq() <= previous) {
        throw new BundleException(OUT_OF_ORDER, "entry " + entry.seq() + " comes after entry "
            + previous + ": entries must be in ascending seq order, each once");
      }
      previous = entry.seq();
    }
    HistoryChain chain = new HistoryChain(linkKey, -1);
    List<LedgerEntry> decoded = new ArrayList<>(entries.size());
    try {
      for (BundleEntry entry : entries) {
        decoded.add(chain.next(entry.seq(),
            provenBytes(entry, "entry " + entry.seq(), checkpoint)));
      }
      chain.requireHead(head);
    } catch (HistoryChain.BrokenChainException e) {
      throw new BundleException(problem(e.kind()), e.getMessage(), e);
    }
    return decoded;
  }

  private static BundleProblem problem(HistoryChain.Break kind) {
    return switch (kind) {
      case BAD_LEAF -> BundleProblem.BAD_LEAF;
      case NOT_IN_HISTORY -> BundleProblem.NOT_IN_HISTORY;
      case OUT_OF_ORDER -> OUT_OF_ORDER;
      case GAP -> BundleProblem.GAP;
      case TRUNCATED -> BundleProblem.TRUNCATED;
    };
  }
}
