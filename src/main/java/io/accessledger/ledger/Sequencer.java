package io.accessledger.ledger;

import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single writer that owns the tail of the log, with group commit.
 *
 * <p>Callers enqueue groups of events and wait on a future. The writer thread drains the queue into
 * a batch, assigns contiguous {@code seq}s, computes each leaf (with its {@code prev} and
 * {@code links}), the leaf hashes and the new Merkle root, signs one checkpoint for the batch, and
 * writes it all in one durable transaction. Only then does it complete the futures. So:
 *
 * <ul>
 *   <li>an acknowledged entry is durable and covered by a signed checkpoint that is already stored;
 *   <li>a group submitted together (a batch post, an extract release and its subject entries) gets
 *       contiguous {@code seq}s and is written all or nothing;
 *   <li>there are no gaps or duplicates, because one thread assigns every {@code seq} and the store
 *       refuses a batch that does not start at its size;
 *   <li>two signed checkpoints are never inconsistent, because each extends the one before.
 * </ul>
 *
 * <p>When the queue is full, {@link #append} fails at once with {@link LedgerBusyException}
 * (back-pressure) rather than blocking the caller.
 */
public final class Sequencer implements AutoCloseable {
  private final LedgerStore store;
  private final CheckpointSigner signer;
  private final Clock clock;
  private final SequencerSettings settings;
  private final ArrayBlockingQueue<PendingGroup> queue;
  private final Thread writer;
  private final AtomicLong batchesWritten = new AtomicLong();
  private volatile boolean closing;
  private volatile StoredCheckpoint latest;

  // Owned by the writer thread.
  private final LinkHeadCache heads;
  private TailState tail;

  private Sequencer(
      LedgerStore store, CheckpointSigner signer, Clock clock, SequencerSettings settings) {
    this.store = store;
    this.signer = signer;
    this.clock = clock;
    this.settings = settings;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    this.heads = new LinkHeadCache(settings.linkCacheSize());
    this.writer = new Thread(this::runWriter, "ledger-sequencer");
  }

  /**
   * Checks the stored ledger against its latest signed checkpoint and starts the writer. On an empty
   * ledger, first signs and stores the checkpoint of the empty tree, binding the key to the log.
   *
   * @throws LedgerStateException if the signing key does not verify the latest checkpoint, or the
   *     stored tree does not match it; nothing is written then
   */
  public static Sequencer start(
      LedgerStore store, CheckpointSigner signer, Clock clock, SequencerSettings settings) {
    Sequencer sequencer = new Sequencer(store, signer, clock, settings);
    sequencer.tail = TailState.load(store, signer);
    if (store.latestCheckpoint().isEmpty()) {
      Checkpoint empty = new Checkpoint(signer.origin(), 0, TreeHasher.emptyRoot());
      store.append(new AppendBatch(List.of(), List.of(), new StoredCheckpoint(0, signer.sign(empty))));
    }
    sequencer.latest = store.latestCheckpoint().orElseThrow();
    sequencer.writer.start();
    return sequencer;
  }

  /** Appends one event; see {@link #appendGroup}. */
  public CompletableFuture<AppendResult> append(PreparedEvent event) {
    return appendGroup(List.of(event)).thenApply(results -> results.get(0));
  }

  /**
   * Appends {@code events} as contiguous entries, all or nothing. The future completes once they are
   * durable and covered by a stored signed checkpoint; it fails with {@link LedgerBusyException} at
   * once when the queue is full, and with the store's exception when the write fails (nothing of the
   * group is written then).
   */
  public CompletableFuture<List<AppendResult>> appendGroup(List<PreparedEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a group needs at least one event");
    }
    PendingGroup group = new PendingGroup(List.copyOf(events));
    if (closing) {
      group.future().completeExceptionally(new IllegalStateException("the sequencer is closed"));
    } else if (!queue.offer(group)) {
      group.future().completeExceptionally(
          new LedgerBusyException("the ledger's write queue is full; retry shortly"));
    }
    return group.future();
  }

  /** The latest signed checkpoint, as stored. */
  public StoredCheckpoint latestCheckpoint() {
    return latest;
  }

  /** How many group commits have been written since start. */
  public long batchesWritten() {
    return batchesWritten.get();
  }

  /** Events waiting for the writer. */
  public int queued() {
    return queue.size();
  }

  /** Stops accepting appends, writes everything already queued, then stops the writer. */
  @Override
  public void close() {
    closing = true;
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runWriter() {
    List<PendingGroup> batch = new ArrayList<>();
    while (!closing || !queue.isEmpty()) {
      PendingGroup first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (first == null) {
        continue;
      }
      batch.clear();
      batch.add(first);
      int entries = first.events().size();
      // A group is never split; one larger than the batch limit is written on its own.
      for (PendingGroup next = queue.peek();
          next != null && entries + next.events().size() <= settings.maxBatchEntries();
          next = queue.peek()) {
        batch.add(queue.poll());
        entries += next.events().size();
      }
      writeBatch(batch, entries);
    }
  }

  private void writeBatch(List<PendingGroup> batch, int entries) {
    List<List<AppendResult>> results = new ArrayList<>(batch.size());
    try {
      TailState before = tail;
      CompactRange tree = new CompactRange(before.tree().size(), before.tree().frontier());
      Map<String, Long> newHeads = new HashMap<>();
      Map<String, Long> missing = lookUpMissingHeads(batch);
      String receivedAt = LeafCodec.formatReceivedAt(clock.instant());
      List<EncodedLeaf> leaves = new ArrayList<>(entries);
      List<StoredNode> nodes = new ArrayList<>(entries);
      Digest prev = before.lastLeafHash();
      for (PendingGroup group : batch) {
        List<AppendResult> groupResults = new ArrayList<>(group.events().size());
        for (PreparedEvent event : group.events()) {
          long seq = tree.size();
          TreeMap<String, Long> links = new TreeMap<>();
          for (String key : event.linkKeys()) {
            Long head = newHeads.get(key);
            if (head == null) {
              head = heads.get(key);
            }
            if (head == null) {
              head = missing.getOrDefault(key, -1L);
            }
            links.put(key, head);
            newHeads.put(key, seq);
          }
          byte[] leaf =
              LeafCodec.encode(seq, event.canonicalEvent(), links, prev, receivedAt, event.source());
          Digest hash = TreeHasher.leafHash(leaf);
          for (StoredNode node : tree.append(hash)) {
            if (node.id().level() > 0) {
              nodes.add(node);
            }
          }
          leaves.add(EncodedLeaf.ofFresh(seq, leaf, hash, event.linkKeys()));
          groupResults.add(new AppendResult(seq, hash, -1));
          prev = hash;
        }
        results.add(groupResults);
      }
      Checkpoint checkpoint = new Checkpoint(signer.origin(), tree.size(), tree.root());
      StoredCheckpoint signed = new StoredCheckpoint(tree.size(), signer.sign(checkpoint));
      store.append(new AppendBatch(leaves, nodes, signed));
      tail = new TailState(tree, prev);
      heads.putAll(newHeads);
      latest = signed;
      batchesWritten.incrementAndGet();
      for (int i = 0; i < batch.size(); i++) {
        List<AppendResult> acknowledged = new ArrayList<>(results.get(i).size());
        for (AppendResult r : results.get(i)) {
          acknowledged.add(new AppendResult(r.seq(), r.leafHash(), signed.size()));
        }
        batch.get(i).future().complete(List.copyOf(acknowledged));
      }
    } catch (RuntimeException | Error e) {
      for (PendingGroup group : batch) {
        group.future().completeExceptionally(e);
      }
      recoverAfterFailure();
    }
  }

  /** Fetches, in one pass, the heads of keys neither this batch nor the cache knows. */
  private Map<String, Long> lookUpMissingHeads(List<PendingGroup> batch) {
    Set<String> unknown = new HashSet<>();
    for (PendingGroup group : batch) {
      for (PreparedEvent event : group.events()) {
        for (String key : event.linkKeys()) {
          if (heads.get(key) == null) {
            unknown.add(key);
          }
        }
      }
    }
    return unknown.isEmpty() ? Map.of() : store.latestSeqs(unknown);
  }

  /**
   * After a failed write the in-memory tail may be ahead of, or (if the commit landed but reported an
   * error) behind storage. Reload it from storage, which is the truth; if even that fails, the next
   * batch will try again.
   */
  private void recoverAfterFailure() {
    // The cache may lack heads of a batch that landed despite the error: drop it.
    heads.clear();
    try {
      tail = TailState.load(store, signer);
      store.latestCheckpoint().ifPresent(c -> latest = c);
    } catch (RuntimeException e) {
      // Keep the old tail: the store refuses any batch that does not start at its size, so a stale
      // tail cannot write a gap or a fork; it only makes appends fail until storage recovers.
    }
  }

  private record PendingGroup(List<PreparedEvent> events, CompletableFuture<List<AppendResult>> future) {
    PendingGroup(List<PreparedEvent> events) {
      this(events, new CompletableFuture<>());
    }
  }
}
