package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.keys.KeyHistoryException;
import io.accessledger.ledger.keys.KeyRotation;
import io.accessledger.ledger.keys.KeyRotationEntries;
import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoredCheckpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns queued groups of events into the next batch of the log: assigns {@code seq}s, builds each
 * leaf with its {@code prev} and {@code links}, extends the Merkle tree and signs the checkpoint.
 * Pure computation over the tail state plus one index lookup for link keys it has not seen
 * recently. Owned by the writer thread; not thread-safe.
 */
final class BatchBuilder {
  private final LedgerStore store;
  private final LogSigning signing;
  private final Clock clock;
  private final LinkHeadCache heads;

  BatchBuilder(LedgerStore store, LogSigning signing, Clock clock, int linkCacheSize) {
    this.store = store;
    this.signing = signing;
    this.clock = clock;
    this.heads = new LinkHeadCache(linkCacheSize);
  }

  /** A batch ready to commit, and the tail the log will have once it has. */
  record Built(
      List<PendingGroup> groups,
      List<List<AppendResult>> results,
      AppendBatch batch,
      TailState tailAfter,
      boolean rotates) {}

  /**
   * Builds the batch that extends {@code tail}. The link heads it assigns are remembered at once;
   * if the batch then fails to commit, the caller MUST {@link #forget} them.
   */
  Built build(TailState tail, List<PendingGroup> groups, int entries) {
    Map<String, Long> batchHeads = resolveHeads(groups, tail.tree().size());
    CompactRange tree = new CompactRange(tail.tree().size(), tail.tree().frontier());
    String receivedAt = LeafCodec.formatReceivedAt(clock.instant());
    List<EncodedLeaf> leaves = new ArrayList<>(entries);
    List<StoredNode> nodes = new ArrayList<>(entries);
    Digest prev = tail.lastLeafHash();
    List<KeyRotation> rotations = List.of();
    String rotationKey = KeyRotationEntries.linkKey(signing.origin());
    for (PendingGroup group : groups) {
      for (PreparedEvent event : group.events()) {
        long seq = tree.size();
        TreeMap<String, Long> links = new TreeMap<>();
        for (String key : event.linkKeys()) {
          links.put(key, batchHeads.put(key, seq));
        }
        byte[] leaf =
            LeafCodec.encode(
                seq, event.canonicalEventAt(seq), links, prev, receivedAt, event.source());
        Digest hash = TreeHasher.leafHash(leaf);
        for (StoredNode node : tree.append(hash)) {
          if (node.id().level() > 0) {
            nodes.add(node);
          }
        }
        leaves.add(EncodedLeaf.ofFresh(seq, leaf, hash, event.linkKeys(), event.key()));
        prev = hash;
        if (EventIdentity.LEDGER_SOURCE.equals(event.source())
            && event.linkKeys().contains(rotationKey)) {
          rotations = withRotation(rotations, leaf);
        }
      }
    }
    Checkpoint checkpoint = new Checkpoint(signing.origin(), tree.size(), tree.root());
    StoredCheckpoint signed = new StoredCheckpoint(
        tree.size(), signing.sign(checkpoint, tail.tree().size(), rotations));
    heads.putAll(batchHeads);
    // Each group's entries are contiguous in `leaves`, in group order.
    List<List<AppendResult>> acknowledged = new ArrayList<>(groups.size());
    int next = 0;
    for (PendingGroup group : groups) {
      List<AppendResult> groupResults = new ArrayList<>(group.events().size());
      for (int i = 0; i < group.events().size(); i++, next++) {
        EncodedLeaf leaf = leaves.get(next);
        groupResults.add(new AppendResult(leaf.seq(), leaf.hash(), signed.size()));
      }
      acknowledged.add(List.copyOf(groupResults));
    }
    return new Built(groups, acknowledged, new AppendBatch(leaves, nodes, signed),
        new TailState(tree, prev), !rotations.isEmpty());
  }

  /** {@code rotations} and the rotation {@code leaf}, a ledger entry of the keys' history, holds. */
  private static List<KeyRotation> withRotation(List<KeyRotation> rotations, byte[] leaf) {
    KeyRotation rotation;
    try {
      LedgerEntry entry = LeafCodec.decode(leaf);
      if (!KeyRotation.isRotation(entry)) {
        return rotations;
      }
      rotation = KeyRotation.read(entry);
    } catch (LeafFormatException | KeyHistoryException e) {
      throw new LedgerStateException("refusing a malformed key rotation: " + e.getMessage(), e);
    }
    List<KeyRotation> all = new ArrayList<>(rotations);
    all.add(rotation);
    return List.copyOf(all);
  }

  /**
   * The index is not evidence, so a head read from it is checked before it is signed into a leaf:
   * it must be an existing entry, and that entry must name the key. (An index with rows deleted
   * can still yield an older head; `verify` reconciles the whole index with the leaves.) A head past
   * the tail is another writer's entry when the log has grown meanwhile: the batch is then stale
   * ({@link StaleTailException}), not the index edited.
   */
  private void checkStoredHead(String key, long seq, long tailSize) {
    String problem = null;
    if (seq >= tailSize && store.size() > tailSize) {
      // Another writer appended since the tail was loaded: the batch would be refused anyway.
      throw new StaleTailException("the link index for " + key + " names entry " + seq
          + ", past this writer's tail of " + tailSize + ": another writer appended");
    }
    if (seq < 0 || seq >= tailSize) {
      problem = "names entry " + seq + " but the log holds " + tailSize;
    } else {
      try {
        byte[] leaf = store.leaf(seq).orElseThrow().leaf();
        if (!LeafCodec.decode(leaf).links().containsKey(key)) {
          problem = "names entry " + seq + ", which does not name the key";
        }
      } catch (LeafFormatException | java.util.NoSuchElementException e) {
        problem = "names entry " + seq + ", which cannot be read";
      }
    }
    if (problem != null) {
      throw new LedgerStateException("the link index for " + key + " " + problem
          + ": the index was edited. Run `verify`; nothing was appended.");
    }
  }

  /** Drops every remembered head: after a failed commit they may name entries that never landed. */
  void forget() {
    heads.clear();
  }

  /** The current head of every key the groups name: from the cache, else one store lookup. */
  private Map<String, Long> resolveHeads(List<PendingGroup> groups, long tailSize) {
    Map<String, Long> resolved = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (PendingGroup group : groups) {
      for (PreparedEvent event : group.events()) {
        for (String key : event.linkKeys()) {
          if (!resolved.containsKey(key)) {
            Long head = heads.get(key);
            resolved.put(key, head == null ? -1L : head);
            if (head == null) {
              unknown.add(key);
            }
          }
        }
      }
    }
    if (!unknown.isEmpty()) {
      Map<String, Long> stored = store.latestSeqs(unknown);
      for (Map.Entry<String, Long> head : stored.entrySet()) {
        checkStoredHead(head.getKey(), head.getValue(), tailSize);
      }
      resolved.putAll(stored);
    }
    return resolved;
  }
}
