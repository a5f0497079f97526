package io.accessledger.query;

import io.accessledger.api.ProvenEntry;
import io.accessledger.ledger.leaf.HistoryChain;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way answers read entries with their proofs: the stored leaves of some {@code seq}s and
 * their inclusion proofs in one tree, a chunk at a time (one leaves query and one node fetch per
 * chunk), refusing to go on if an entry that was indexed or referenced is not stored.
 */
final class ProvenEntries {
  /** Entries read and proven per round trip. */
  static final int CHUNK = 512;

  /** What to do with each entry: its stored leaf and its proof. */
  interface Each {
    void accept(StoredLeaf leaf, List<Digest> proof) throws IOException;
  }

  private ProvenEntries() {}

  /**
   * Calls {@code each} for the entries {@code seqs} (ascending, distinct), in order, each with its
   * inclusion proof in the tree of {@code size}.
   *
   * @throws StoreException if one of them is not stored (run {@code verify})
   * @throws IOException if {@code each} does
   */
  static void forEach(LedgerStore store, NodeSource nodes, List<Long> seqs, long size, Each each)
      throws IOException {
    for (int from = 0; from < seqs.size(); from += CHUNK) {
      List<Long> chunk = seqs.subList(from, Math.min(seqs.size(), from + CHUNK));
      List<StoredLeaf> leaves = store.leaves(chunk);
      for (int i = 0; i < chunk.size(); i++) {
        if (i >= leaves.size() || leaves.get(i).seq() != chunk.get(i)) {
          throw new StoreException("entry " + chunk.get(i) + " is indexed or referenced but not"
              + " stored; run `verify`");
        }
      }
      List<List<Digest>> proofs = MerkleProofs.inclusions(chunk, size, nodes);
      for (int i = 0; i < leaves.size(); i++) {
        each.accept(leaves.get(i), proofs.get(i));
      }
    }
  }

  /** The entries {@code seqs} (ascending, distinct) as answers carry them. */
  static List<ProvenEntry> prove(LedgerStore store, NodeSource nodes, List<Long> seqs, long size) {
    List<ProvenEntry> proven = new ArrayList<>(seqs.size());
    try {
      forEach(store, nodes, seqs, size, (leaf, proof) -> proven.add(of(leaf, proof)));
    } catch (IOException e) {
      throw new IllegalStateException("collecting into a list cannot fail", e);
    }
    return proven;
  }

  /** One entry with its proof, as answers carry it. */
  static ProvenEntry of(StoredLeaf leaf, List<Digest> proof) {
    return new ProvenEntry(leaf.seq(), new String(leaf.leaf(), StandardCharsets.UTF_8),
        leaf.hash().hex(), proof.stream().map(Digest::hex).toList());
  }

  /**
   * A stored leaf, decoded.
   *
   * @throws StoreException if it does not decode: the store was edited (run {@code verify})
   */
  static LedgerEntry decode(StoredLeaf leaf) {
    try {
      return LeafCodec.decode(leaf.leaf());
    } catch (LeafFormatException e) {
      throw new StoreException("entry " + leaf.seq() + " is not a valid leaf; run `verify`: "
          + e.getMessage(), e);
    }
  }

  /** The failure of an answer whose history, read through the index, does not chain. */
  static StoreException brokenIndex(HistoryChain.BrokenChainException e, String consequence) {
    return new StoreException("the per-key index disagrees with the leaves' links ("
        + e.getMessage() + "); " + consequence + "; run `verify`", e);
  }
}
