package io.accessledger.ledger;

import io.accessledger.store.StoredLeaf;
import java.util.List;

/**
 * The checks of one stored leaf that need nothing but the leaf itself: its real hash and its
 * decoded form (or why it does not decode). Done in parallel by {@link ParallelLeafDecoder}; the
 * checks that need the entries before it (prev, links, tree) are done in order by the verifier.
 *
 * @param rowSeq the seq of the row it was stored under
 * @param entry the decoded leaf, or null when {@code formatProblem} says why it is not valid
 * @param linkKeys the link keys its event names (what its {@code links} must hold), or empty
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
    PostedIdentity posted,
    String formatProblem) {

  static DecodedLeaf of(StoredLeaf stored) {
    byte[] bytes = stored.leaf();
    Digest hash = TreeHasher.leafHash(bytes);
    try {
      LedgerEntry entry = LeafCodec.decode(bytes);
      return new DecodedLeaf(
          stored.seq(),
          hash,
          stored.hash(),
          entry,
          LinkKeys.of(entry.event()),
          EventIdentity.of(entry, bytes),
          null);
    } catch (LeafFormatException e) {
      return new DecodedLeaf(
          stored.seq(), hash, stored.hash(), null, List.of(), null, e.getMessage());
    }
  }
}
