package io.accessledger.ledger.verify;

import io.accessledger.ledger.leaf.EntryRanges;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeCursor;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LinkKeySummary;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Re-derives a whole stored ledger from its leaves and checks it against its signed checkpoints,
 * trusting nothing the store says about itself. It checks, in {@code seq} order: that no entry is
 * missing or out of place, that each leaf is canonical and well-formed and names its own seq, that
 * its stored hash is its real hash, that its {@code prev} is the previous leaf's hash, that its
 * {@code links} point at the previous entry naming each key; that every stored Merkle node is the
 * hash of its children; that every stored checkpoint is signed by {@code key} and commits to the
 * root of the first {@code size} leaves; that no checkpoint covers more entries than are stored (a
 * truncated tail) and no entry lies beyond the latest checkpoint (removed checkpoints); that
 * the per-key index lists, for every key, as many entries as the leaves name it in, the latest of
 * them and the sum of their seqs the same, and no rows its lookups would miss or misread; and
 * that the event-id index records exactly the posted events the leaves hold, each at its seq with
 * the digest of the event as posted. Apart from the entries, it checks that the store's
 * append-only guards (its triggers) are all in place as its schema defines them: they are
 * reported beside the first bad seq, not as one, since the entries stay tamper-evident without
 * them. It reads one snapshot, and reads the indexes on threads of their own through others of
 * exactly the same state when the store can open them.
 *
 * <p>It stops at the first problem and names the first bad {@code seq}, never one that a valid
 * checkpoint already proves. Missing entries are named as the whole stretch, first to last seq:
 * in the middle of the log up to the next stored entry, at the tail up to the size of the latest
 * checkpoint (which must itself be validly signed). Where a checkpoint's root does not match and
 * no single leaf shows the edit (an attacker rewrote a whole stretch consistently), the first bad
 * seq is the first entry that no valid checkpoint vouches for. The two indexes are derived data, not evidence: their
 * problems are reported only when the leaves and checkpoints are intact, the one at the earlier
 * seq first. Leaves are decoded on all cores; the checks that depend on order run on the calling
 * thread.
 *
 * <p>Memory grows only with the number of distinct link keys (to check {@code links} and the
 * index); the Merkle state is a frontier of O(log n) hashes, and the event-id index is merged with
 * the leaves as both stream by in seq order.
 */
public final class LedgerVerifier {
  private static final int CHECKPOINT_PAGE = 1000;

  private final LedgerStore store;
  private final VerifierKey key;

  public LedgerVerifier(LedgerStore store, VerifierKey key) {
    this.store = store;
    this.key = key;
  }

  /** A problem found at {@code seq}, in words. */
  record Problem(long seq, String message) {
    /** Of two problems, either possibly null, the one at the earlier seq ({@code a} on a tie). */
    static Problem earlier(Problem a, Problem b) {
      if (a == null) {
        return b;
      }
      return b == null || a.seq() <= b.seq() ? a : b;
    }
  }

  /** Runs the full check. */
  public VerificationResult verify() {
    try (LedgerSnapshot snapshot = store.snapshot()) {
      LedgerSnapshot twin = twinOf(snapshot);
      try {
        LedgerSnapshot linkTwin = twin == null ? null : twinOf(snapshot);
        CompletableFuture<List<LinkKeySummary>> linkSummary = null;
        try {
          linkSummary = linkTwin == null ? null : LinkIndexCheck.readAhead(linkTwin);
          Run run = new Run(snapshot, twin, linkSummary);
          try {
            return run.execute().withGuardFaults(snapshot.appendOnlyGuardFaults());
          } finally {
            run.closeCursors();
          }
        } finally {
          if (linkTwin != null) {
            if (linkSummary != null) {
              // Its reader uses linkTwin until it is done, whatever became of the run.
              linkSummary.handle((summary, failure) -> null).join();
            }
            linkTwin.close();
          }
        }
      } finally {
        if (twin != null) {
          twin.close();
        }
      }
    }
  }

  /**
   * Another snapshot of the same state as {@code snapshot}, for reading one of the indexes on
   * another thread, or null (then everything is read through {@code snapshot}, one thing at a
   * time). Every commit of the log adds entries and a checkpoint, so two snapshots with the same
   * size and the same latest signed checkpoint were taken between the same two commits. If an
   * append lands between opening the two, they differ and the twin is not used.
   */
  private LedgerSnapshot twinOf(LedgerSnapshot snapshot) {
    LedgerSnapshot twin;
    try {
      twin = store.snapshot();
    } catch (RuntimeException e) {
      return null; // e.g. a store with a single connection
    }
    try {
      if (twin.size() == snapshot.size()
          && twin.latestCheckpoint().equals(snapshot.latestCheckpoint())) {
        return twin;
      }
    } catch (RuntimeException e) {
      // fall through: read everything through the one snapshot
    }
    twin.close();
    return null;
  }

  private final class Run {
    private final LedgerSnapshot snapshot;
    private final CompactRange tree = new CompactRange();
    /** Per link key: {latest seq naming it, how many entries name it, the sum of their seqs}. */
    private final Map<String, long[]> heads = new HashMap<>();
    private final Map<Integer, NodeCursor> nodeCursors = new HashMap<>();
    private final ArrayDeque<StoredCheckpoint> pendingCheckpoints = new ArrayDeque<>();
    private final EventIdIndexCheck eventIds;
    private long lastCheckpointFetched = -1;
    private long checkpointsChecked;
    private long provenSize;
    private Digest prev = Digest.ZERO;
    private Deferred deferred;

    /** The link index's summary being read on another thread, or null to read it at the end. */
    private final CompletableFuture<List<LinkKeySummary>> linkSummary;

    Run(LedgerSnapshot snapshot, LedgerSnapshot twin,
        CompletableFuture<List<LinkKeySummary>> linkSummary) {
      this.snapshot = snapshot;
      this.linkSummary = linkSummary;
      this.eventIds = twin == null
          ? new EventIdIndexCheck(snapshot, false)
          : new EventIdIndexCheck(twin, true);
    }

    VerificationResult execute() {
      String problem = checkCheckpointsAt(0);
      if (problem != null) {
        return broken(0, problem);
      }
      long expected = 0;
      try (Stream<StoredLeaf> leaves = snapshot.leaves(0, Long.MAX_VALUE);
          ParallelLeafDecoder decoded = new ParallelLeafDecoder(leaves.iterator())) {
        while (true) {
          DecodedLeaf leaf;
          try {
            if (!decoded.hasNext()) {
              break;
            }
            leaf = decoded.next();
          } catch (RuntimeException e) {
            // A row a store's own schema would refuse (a NULL leaf, a short hash): someone
            // rebuilt the table by hand.
            return earliest(new Problem(expected, "the stored row for entry " + expected
                + " cannot be read: " + e.getMessage()));
          }
          if (leaf.rowSeq() != expected) {
            return earliest(gapBefore(expected, leaf.rowSeq()));
          }
          Problem leafProblem = checkLeaf(leaf);
          if (leafProblem != null) {
            return earliest(leafProblem);
          }
          eventIds.accept(leaf);
          if (deferred != null && leaf.rowSeq() >= deferred.reportAfterSeq()) {
            return reportDeferred();
          }
          expected++;
          problem = checkCheckpointsAt(expected);
          if (problem != null) {
            // Entry `expected`, if stored, is read first: its prev may name the altered entry.
            defer(new Problem(provenSize, problem), expected);
          }
        }
      }
      if (deferred != null) {
        return reportDeferred();
      }
      if (nextCheckpoint() != null) {
        return truncatedTail(expected);
      }
      if (checkpointsChecked == 0) {
        return broken(0, "the ledger has no signed checkpoint at all (checkpoints removed)");
      }
      if (provenSize != expected) {
        // Every batch is stored with its checkpoint in one transaction, so an honest ledger never
        // holds entries beyond its latest checkpoint.
        return broken(provenSize, EntryRanges.of(provenSize, expected - 1, "is", "are")
            + " not covered by any signed checkpoint (later checkpoints were removed, or"
            + " entries were added outside the service)");
      }
      problem = checkNodeCursorsExhausted();
      if (problem != null) {
        return broken(expected, problem);
      }
      List<LinkKeySummary> linkIndex = linkSummary == null
          ? LinkIndexCheck.read(snapshot) : LinkIndexCheck.await(linkSummary);
      Problem indexProblem = Problem.earlier(
          new LinkIndexCheck(heads).check(linkIndex), eventIds.finish(expected));
      if (indexProblem != null) {
        return broken(indexProblem.seq(), indexProblem.message());
      }
      return VerificationResult.intact(expected, checkpointsChecked);
    }

    /**
     * Entries {@code expected} to {@code nextStored - 1} are not stored, though a later one is: the
     * whole stretch is named, so that a deletion of several entries reads as what it is.
     */
    private Problem gapBefore(long expected, long nextStored) {
      if (nextStored < expected) {
        // Only a table rebuilt without its primary key can hold two rows for one seq.
        return new Problem(expected, "entry " + (expected - 1) + " is stored twice, or out of"
            + " order: the next stored entry is " + nextStored + " (entries reordered or added)");
      }
      return new Problem(expected, EntryRanges.of(expected, nextStored - 1, "is", "are")
          + " missing: the next stored entry is " + nextStored + " (removed)");
    }

    /**
     * Every stored entry is intact but a stored checkpoint covers more: the entries from
     * {@code stored} up to the size of the latest checkpoint, signed by the key, were removed. The
     * latest is the one checked, not the first beyond the stored entries, so the report names the
     * whole removed stretch; an attacker's unsigned checkpoint there is named as forged instead.
     */
    private VerificationResult truncatedTail(long stored) {
      StoredCheckpoint latest = snapshot.latestCheckpoint().orElseThrow();
      Checkpoint signed;
      try {
        signed = SignedCheckpoint.open(latest.note(), key);
      } catch (CheckpointException e) {
        return broken(stored, "the checkpoint stored for tree size " + latest.size() + ", beyond"
            + " the " + stored + " stored entries, is not validly signed by " + key + ": "
            + e.getMessage() + " (forged or altered checkpoint)");
      }
      if (signed.size() != latest.size()) {
        return broken(stored, "the checkpoint stored for tree size " + latest.size()
            + " signs tree size " + signed.size() + " (altered checkpoint)");
      }
      return broken(stored, EntryRanges.of(stored, latest.size() - 1, "was", "were")
          + " removed (truncated tail): a checkpoint of tree size " + latest.size()
          + " is signed but only " + stored + " entries are stored");
    }

    /**
     * Of a problem found now and one deferred earlier, reports the one at the earlier seq: entries
     * before the last valid checkpoint are proven, so nothing an attacker plants later can move
     * the blame back onto them or hide an earlier problem.
     */
    private VerificationResult earliest(Problem found) {
      if (deferred != null && deferred.problem().seq() < found.seq()) {
        return reportDeferred();
      }
      return broken(found.seq(), found.message());
    }

    /**
     * A bad stored node or checkpoint root is reported only once the entry after the stretch it
     * covers has been read: if an entry there was edited, the leaf checks name that entry, which is
     * more precise. Only the first such problem is kept.
     */
    private void defer(Problem problem, long reportAfterSeq) {
      if (deferred == null) {
        deferred = new Deferred(problem, reportAfterSeq);
      }
    }

    private VerificationResult reportDeferred() {
      return broken(deferred.problem().seq(), deferred.problem().message());
    }

    private VerificationResult broken(long seq, String problem) {
      return VerificationResult.broken(tree.size(), checkpointsChecked, seq, problem);
    }

    /** Returns the problem with this leaf (or, for a broken prev link, its predecessor), or null. */
    private Problem checkLeaf(DecodedLeaf leaf) {
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
      for (StoredNode node : tree.append(hash)) {
        if (node.id().level() > 0) {
          String nodeProblem = checkStoredNode(node);
          if (nodeProblem != null) {
            long first = node.id().firstLeaf();
            defer(new Problem(Math.max(first, provenSize), nodeProblem),
                first + node.id().leafCount());
          }
        }
      }
      prev = hash;
      return null;
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

    private String checkStoredNode(StoredNode computed) {
      int level = computed.id().level();
      NodeCursor cursor = nodeCursors.computeIfAbsent(level, l -> new NodeCursor(snapshot.nodesAtLevel(l)));
      StoredNode stored = cursor.next();
      if (stored == null || !stored.id().equals(computed.id())) {
        return where(computed) + " is missing from storage";
      }
      if (!stored.hash().equals(computed.hash())) {
        return where(computed) + " is stored as " + stored.hash() + " but its children hash to "
            + computed.hash();
      }
      return null;
    }

    private static String where(StoredNode node) {
      NodeId id = node.id();
      return "the Merkle node at level " + id.level() + ", index " + id.index() + " (entries "
          + id.firstLeaf() + " to " + (id.firstLeaf() + id.leafCount() - 1) + ")";
    }

    private String checkNodeCursorsExhausted() {
      for (int level = 1; level <= NodeId.MAX_LEVEL; level++) {
        NodeCursor cursor =
            nodeCursors.computeIfAbsent(level, l -> new NodeCursor(snapshot.nodesAtLevel(l)));
        StoredNode extra = cursor.next();
        if (extra != null) {
          return "storage holds a Merkle node at level " + level + ", index " + extra.id().index()
              + " that the stored entries do not complete";
        }
      }
      return null;
    }

    /** Checks every stored checkpoint of exactly {@code size}; returns a problem or null. */
    private String checkCheckpointsAt(long size) {
      for (StoredCheckpoint next = nextCheckpoint();
          next != null && next.size() == size;
          next = nextCheckpoint()) {
        pendingCheckpoints.poll();
        Checkpoint checkpoint;
        try {
          checkpoint = SignedCheckpoint.open(next.note(), key);
        } catch (CheckpointException e) {
          return "the checkpoint stored for tree size " + size + " is not validly signed by "
              + key + ": " + e.getMessage() + " (forged or altered checkpoint)";
        }
        if (checkpoint.size() != size) {
          return "the checkpoint stored for tree size " + size + " signs tree size "
              + checkpoint.size() + " (altered checkpoint)";
        }
        Digest root = tree.root();
        if (!checkpoint.root().equals(root)) {
          return "entries " + provenSize + " to " + (size - 1) + " do not match the checkpoint"
              + " signed at tree size " + size + ": root " + root + ", signed "
              + checkpoint.root() + " (entries altered, inserted or removed)";
        }
        checkpointsChecked++;
        provenSize = size;
      }
      return null;
    }

    private StoredCheckpoint nextCheckpoint() {
      if (pendingCheckpoints.isEmpty()) {
        List<StoredCheckpoint> page = snapshot.checkpointsAfter(lastCheckpointFetched, CHECKPOINT_PAGE);
        if (page.isEmpty()) {
          return null;
        }
        pendingCheckpoints.addAll(page);
        lastCheckpointFetched = page.get(page.size() - 1).size();
      }
      return pendingCheckpoints.peek();
    }



    private record Deferred(Problem problem, long reportAfterSeq) {}

    void closeCursors() {
      try {
        nodeCursors.values().forEach(NodeCursor::close);
      } finally {
        // Stops the event-id reader before the twin snapshot it reads is closed.
        eventIds.close();
      }
    }
  }
}
