package io.accessledger.ledger.verify;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.ledger.leaf.PostedIdentity;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.store.StoredLeaf;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks of one stored leaf that need nothing but the leaf itself: its real hash and its
 * decoded form (or why it does not decode). Done in parallel by {@link ParallelLeafDecoder}; the
 * checks that need the entries before it (prev, links, tree) are done in order by the verifier.
 *
 * @param rowSeq the seq of the row it was stored under
 * @param entry the decoded leaf, or null when {@code formatProblem} says why it is not valid
 * @param linkKeys the link keys its event names (what its {@code links} must hold), or empty
 * @param linkedSeqs for each of {@code linkKeys}, the seq its {@code links} give, or null when
 *     {@code linksProblem} says the keys differ
 * @param linksProblem why {@code links} does not hold exactly {@code linkKeys}, or null
 * @param posted what the event-id index must record for it, or null for nothing ({@link
 *     EventIdentity#of}); derived here, in parallel, so that the ordered walk only compares it with
 *     the index
 */
record DecodedLeaf(
    long rowSeq,
    Digest hash,
    Digest storedHash,
    LedgerEntry entry,
    List<String> linkKeys,
    long[] linkedSeqs,
    String linksProblem,
    PostedIdentity posted,
    String formatProblem) {

  static DecodedLeaf of(StoredLeaf stored) {
    byte[] bytes = stored.leaf();
    Digest hash = TreeHasher.leafHash(bytes);
    try {
      LedgerEntry entry = LeafCodec.decode(bytes);
      List<String> keys = LinkKeys.of(entry.event());
      Map<String, Long> links = entry.links();
      long[] linkedSeqs = null;
      String linksProblem = null;
      if (links.size() != keys.size() || !links.keySet().containsAll(keys)) {
        linksProblem = "entry " + stored.seq() + " links " + new TreeSet<>(links.keySet())
            + ", but its event names " + keys;
      } else {
        linkedSeqs = new long[keys.size()];
        for (int i = 0; i < linkedSeqs.length; i++) {
          linkedSeqs[i] = links.get(keys.get(i));
        }
      }
      return new DecodedLeaf(stored.seq(), hash, stored.hash(), entry, keys, linkedSeqs,
          linksProblem, EventIdentity.of(entry, bytes), null);
    } catch (LeafFormatException e) {
      return new DecodedLeaf(
          stored.seq(), hash, stored.hash(), null, List.of(), null, null, null, e.getMessage());
    }
  }
}
