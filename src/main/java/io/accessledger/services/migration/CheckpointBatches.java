package io.accessledger.services.migration;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.RecordedEventId;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rebuilds, from a snapshot of a verified ledger, the batches that wrote it: for each stored
 * checkpoint in order, the leaves between the one before and it (bytes and hashes as stored),
 * their link keys (as the writer derives them from the event, which the verifier checked against
 * each leaf's {@code links} and the index), the event ids recorded at their seqs, the interior
 * Merkle nodes they complete (recomputed from the leaf hashes, which the verifier checked against
 * the stored nodes), and the checkpoint's note unchanged. Appending them in order to an empty store
 * gives it the same leaves, nodes, index rows, event ids and checkpoints.
 *
 * <p>Memory holds one batch and the tree's frontier. Not thread-safe; close it to close the
 * event-id stream.
 */
final class CheckpointBatches implements AutoCloseable {
  private static final int CHECKPOINT_PAGE = 1000;

  private final LedgerSnapshot snapshot;
  private final Stream<RecordedEventId> eventIdStream;
  private final Iterator<RecordedEventId> eventIds;
  private final CompactRange tree = new CompactRange();
  private RecordedEventId nextEventId;
  private List<StoredCheckpoint> page = List.of();
  private int inPage;
  private long afterSize = -1;

  CheckpointBatches(LedgerSnapshot snapshot) {
    this.snapshot = snapshot;
    this.eventIdStream = snapshot.eventIds();
    this.eventIds = eventIdStream.iterator();
    this.nextEventId = eventIds.hasNext() ? eventIds.next() : null;
  }

  /** The batch of the next stored checkpoint, or null when every one has been given. */
  AppendBatch next() {
    if (inPage == page.size()) {
      page = snapshot.checkpointsAfter(afterSize, CHECKPOINT_PAGE);
      inPage = 0;
      if (page.isEmpty()) {
        return null;
      }
    }
    StoredCheckpoint checkpoint = page.get(inPage++);
    List<EncodedLeaf> leaves = new ArrayList<>();
    List<StoredNode> nodes = new ArrayList<>();
    try (Stream<StoredLeaf> stored = snapshot.leaves(tree.size(), checkpoint.size())) {
      stored.forEach(leaf -> {
        leaves.add(encoded(leaf));
        for (StoredNode node : tree.append(leaf.hash())) {
          if (node.id().level() > 0) {
            nodes.add(node);
          }
        }
      });
    }
    if (tree.size() != checkpoint.size()) {
      throw new MigrationRefused("the source changed while it was copied: the checkpoint of size "
          + checkpoint.size() + " follows only " + tree.size() + " stored entries");
    }
    afterSize = checkpoint.size();
    return new AppendBatch(leaves, nodes, checkpoint);
  }

  private EncodedLeaf encoded(StoredLeaf stored) {
    byte[] leaf = stored.leaf();
    List<String> linkKeys;
    try {
      linkKeys = LinkKeys.of(LeafCodec.decode(leaf).event());
    } catch (LeafFormatException e) {
      throw new MigrationRefused("the source's entry " + stored.seq() + " is not a valid leaf ("
          + e.getMessage() + "); verify the source");
    }
    EventKey key = null;
    if (nextEventId != null && nextEventId.seq() < stored.seq()) {
      // The verifier matched every event id with the entry that holds it: none can be passed.
      throw new MigrationRefused("the source's event id " + nextEventId.eventId() + " from "
          + nextEventId.source() + " is recorded at seq " + nextEventId.seq()
          + ", which holds no posted event; verify the source");
    }
    if (nextEventId != null && nextEventId.seq() == stored.seq()) {
      key = new EventKey(nextEventId.source(), nextEventId.eventId(), nextEventId.content());
      nextEventId = eventIds.hasNext() ? eventIds.next() : null;
    }
    return new EncodedLeaf(stored.seq(), leaf, stored.hash(), linkKeys, key);
  }

  @Override
  public void close() {
    eventIdStream.close();
  }
}
