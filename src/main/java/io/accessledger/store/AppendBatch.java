package io.accessledger.store;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.StoredNode;
import java.util.List;

/**
 * Everything one group commit writes, in one transaction: contiguous new leaves, the interior Merkle
 * nodes (level 1 and up) they complete, and the signed checkpoint covering them.
 *
 * <p>Level-0 nodes are not listed: a leaf's hash is stored with the leaf.
 */
public record AppendBatch(List<EncodedLeaf> leaves, List<StoredNode> nodes, StoredCheckpoint checkpoint) {
  public AppendBatch {
    leaves = List.copyOf(leaves);
    nodes = List.copyOf(nodes);
    for (int i = 1; i < leaves.size(); i++) {
      if (leaves.get(i).seq() != leaves.get(i - 1).seq() + 1) {
        throw new IllegalArgumentException(
            "batch leaves must be contiguous: seq " + leaves.get(i).seq() + " follows "
                + leaves.get(i - 1).seq());
      }
    }
    for (StoredNode node : nodes) {
      if (node.id().level() == 0) {
        throw new IllegalArgumentException("level-0 nodes are stored with their leaves");
      }
    }
    long end = leaves.isEmpty() ? -1 : leaves.get(leaves.size() - 1).seq() + 1;
    if (end >= 0 && checkpoint.size() != end) {
      throw new IllegalArgumentException(
          "checkpoint size " + checkpoint.size() + " does not cover the batch ending at " + end);
    }
  }

  /**
   * The bytes of the values the batch stores, before any storage overhead: each leaf with its
   * hash and {@code seq}, its link keys and event identity, each node and the checkpoint note.
   * The base of {@link LedgerStore#expectedGrowth}; one pass over the batch.
   */
  public long payloadBytes() {
    return checkpoint.note().length() + Long.BYTES + leafPayloadBytes(0, leaves.size())
        + nodePayloadBytes(nodes.size());
  }

  /** The part of {@link #payloadBytes} that {@code count} interior nodes account for. */
  public static long nodePayloadBytes(long count) {
    return count * (Digest.LENGTH + Long.BYTES);
  }

  /**
   * The part of {@link #payloadBytes} that the leaves at indexes {@code from} (inclusive) to
   * {@code to} (exclusive) of {@link #leaves} account for: what leaving those entries out of the
   * batch saves, the interior nodes and the checkpoint aside.
   */
  public long leafPayloadBytes(int from, int to) {
    long bytes = 0;
    for (EncodedLeaf leaf : leaves.subList(from, to)) {
      bytes += leaf.leafLength() + Digest.LENGTH + Long.BYTES;
      for (String key : leaf.linkKeys()) {
        bytes += key.length() + 3L * Long.BYTES;
      }
      if (leaf.key() != null) {
        bytes += leaf.key().source().length() + leaf.key().eventId().length()
            + Digest.LENGTH + Long.BYTES;
      }
    }
    return bytes;
  }

  /** The {@code seq} the batch starts at, or -1 when it holds only a checkpoint. */
  public long firstSeq() {
    return leaves.isEmpty() ? -1 : leaves.get(0).seq();
  }
}
