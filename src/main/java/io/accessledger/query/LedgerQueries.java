package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.api.ConsistencyAnswer;
import io.accessledger.api.EntryAnswer;
import io.accessledger.api.HistoryAnswer;
import io.accessledger.api.LogInfo;
import io.accessledger.api.ProvenEntry;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.Header;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.MerkleProofs;
import io.accessledger.ledger.merkle.NodeSource;
import io.accessledger.ledger.merkle.UpperNodeCache;
import io.accessledger.ledger.keys.KeyHistory;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.notes.CompletenessStatement;
import io.accessledger.ledger.notes.TlogProof;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers reads of the log, each with the proofs and signed checkpoint a client needs to check it
 * without trusting the server (contract section 3). Every answer is against one signed tree size
 * N: the latest checkpoint stored when the read starts (whichever node stored it), which covers
 * the read's own {@code AUDIT_QUERY} entry and every entry any node acknowledged before. Entries at or beyond N are left out, and all proofs are for the tree of size N. The log is
 * append-only, so entries and nodes below N never change while an answer is built.
 *
 * <p>The {@code check*} methods refuse a request before its audit entry is written; the answering
 * methods then cannot fail on the request's content.
 */
public final class LedgerQueries {
  /** Index rows read per round trip while paging through a history. */
  private static final int CHUNK = 256;

  /** The most index rows one page examines; a page that stops here returns a cursor. */
  private static final int MAX_SCAN = 20_000;

  /**
   * Merkle nodes kept in memory for proofs: 131 072, about 18 MB, enough for every node from
   * level 4 up of a 1 000 000-entry tree; larger trees keep a higher top.
   */
  private static final int CACHED_NODES = 1 << 17;

  private final LedgerStore store;
  private final NodeSource nodes;
  private final LatestCheckpoint latest;
  private final LogSigning signing;
  private final KeyUses keyUses;

  /** Queries of {@code store}, whose checkpoints {@code sequencer}'s keys sign. */
  public LedgerQueries(LedgerStore store, Sequencer sequencer) {
    this.store = store;
    // Remembered nodes are complete subtrees: one value each, whichever node wrote them.
    this.nodes = new UpperNodeCache(store, CACHED_NODES);
    this.signing = sequencer.signing();
    this.latest = new LatestCheckpoint(store, sequencer, signing);
    this.keyUses = new KeyUses(store, signing.transition(), Clock.systemUTC());
  }

  /**
   * The log's keys as its rotations say, as of the last {@link #checkpoint()} read (which reads
   * the history again when a checkpoint names a key this node has not seen): call that first.
   */
  public KeyHistory keyHistory() {
    return signing.history();
  }

  /** Where proofs read node hashes: storage, with the top of the tree remembered. */
  NodeSource nodes() {
    return nodes;
  }

  /**
   * The latest signed checkpoint, as stored now ({@link LatestCheckpoint}): on a store several
   * nodes share, it covers what any of them has acknowledged, and it is never older than this
   * node's own latest. One read of the store per call.
   */
  public StoredCheckpoint checkpoint() {
    return latest.current();
  }

  /** {@code GET /v1/log}: the origin, the current key, the signed size, and every key used. */
  public LogInfo log() {
    StoredCheckpoint checkpoint = checkpoint();
    KeyHistory history = signing.history();
    return new LogInfo(signing.origin(), history.current().toString(), checkpoint.size(),
        keyUses.of(history, checkpoint));
  }

  /** Refuses (404) an entry or tree size the log cannot prove. */
  public void checkEntry(long seq, Long treeSize) {
    long signed = checkpoint().size();
    if (seq >= signed) {
      throw ApiException.notFound("no entry " + seq + ": the signed log holds " + signed + " entries");
    }
    if (treeSize != null) {
      if (treeSize <= seq || treeSize > signed) {
        throw ApiException.notFound("treeSize " + treeSize + " must be greater than seq " + seq
            + " and at most the signed size " + signed);
      }
      signedAt(treeSize);
    }
  }

  /** The entry with its inclusion proof in the tree of {@code treeSize}, or of the latest size. */
  public EntryAnswer entry(long seq, Long treeSize) {
    StoredCheckpoint checkpoint = treeSize == null ? checkpoint() : signedAt(treeSize);
    StoredLeaf leaf = store.leaf(seq).orElseThrow(() -> missing(seq));
    List<Digest> proof = MerkleProofs.inclusion(seq, checkpoint.size(), nodes);
    return new EntryAnswer(seq, text(leaf), leaf.hash().hex(), checkpoint.size(), hex(proof),
        checkpoint.note());
  }

  /**
   * The entry's inclusion proof as a C2SP {@code tlog-proof}: the same proof and checkpoint as
   * {@link #entry}, without the leaf. Checked by {@link #checkEntry} first.
   */
  public TlogProof tlogProof(long seq, Long treeSize) {
    StoredCheckpoint checkpoint = treeSize == null ? checkpoint() : signedAt(treeSize);
    return TlogProof.of(seq, MerkleProofs.inclusion(seq, checkpoint.size(), nodes), checkpoint.note());
  }

  /** Refuses (400/404) a consistency request the log cannot answer. */
  public void checkConsistency(long from, long to) {
    if (from < 1 || from > to) {
      throw ApiException.malformed("need 1 <= from <= to, got from=" + from + " to=" + to);
    }
    long signed = checkpoint().size();
    if (to > signed) {
      throw ApiException.notFound("no signed tree of size " + to + "; the latest is " + signed);
    }
  }

  public ConsistencyAnswer consistency(long from, long to) {
    return new ConsistencyAnswer(from, to, hex(MerkleProofs.consistency(from, to, nodes)));
  }

  /**
   * One page of the entries naming {@code linkKey}, oldest first, with inclusion proofs in the
   * latest signed tree.
   */
  public HistoryAnswer history(String linkKey, HistoryRequest request) {
    StoredCheckpoint checkpoint = checkpoint();
    long size = checkpoint.size();
    List<StoredLeaf> page = new ArrayList<>();
    long after = request.after();
    int scanned = 0;
    boolean more = false;
    int chunk = Math.min(CHUNK, Math.max(request.limit() + 1, 16));
    scan:
    while (true) {
      List<Long> seqs = store.seqsFor(linkKey, after, chunk);
      List<Long> signed = seqs.stream().filter(s -> s < size).toList();
      List<StoredLeaf> leaves = store.leaves(signed);
      if (leaves.size() != signed.size()) {
        throw new StoreException("the index of " + linkKey + " names entries that are not stored;"
            + " run `verify`");
      }
      for (StoredLeaf leaf : leaves) {
        if (page.size() == request.limit()) {
          more = true;
          break scan;
        }
        after = leaf.seq();
        scanned++;
        if (!request.filters() || matches(leaf, request)) {
          page.add(leaf);
        }
      }
      if (signed.size() < seqs.size() || seqs.size() < chunk) {
        break; // reached the end of the key's entries within the signed tree
      }
      if (scanned >= MAX_SCAN) {
        more = true;
        break;
      }
    }
    List<List<Digest>> proofs =
        MerkleProofs.inclusions(page.stream().map(StoredLeaf::seq).toList(), size, nodes);
    List<ProvenEntry> entries = new ArrayList<>(page.size());
    for (int i = 0; i < page.size(); i++) {
      StoredLeaf leaf = page.get(i);
      entries.add(new ProvenEntry(leaf.seq(), text(leaf), leaf.hash().hex(), hex(proofs.get(i))));
    }
    return new HistoryAnswer(size, checkpoint.note(), linkKey, completeness(linkKey, checkpoint),
        entries, more ? Long.toString(after) : null);
  }

  /**
   * The signed statement of which entry is the latest naming {@code linkKey} in the tree
   * {@code checkpoint} signs.
   */
  public String completeness(String linkKey, StoredCheckpoint checkpoint) {
    return completeness(linkKey, checkpoint, head(linkKey, checkpoint));
  }

  /** The statement that {@code head}, from {@link #head}, is the latest entry naming the key. */
  String completeness(String linkKey, StoredCheckpoint checkpoint, long head) {
    return signing.current().sign(new CompletenessStatement(
        signing.origin(), checkpoint.size(), checkpoint.root(), linkKey, head));
  }

  /**
   * The latest entry naming {@code linkKey} in the tree {@code checkpoint} signs, or -1, from the
   * per-key index. The index is derived data, so before the log signs it as a head, the entry is
   * checked to exist and to name the key; an index with its newest rows deleted still yields an
   * older head that passes (SECURITY.md says so, and `verify` finds the edit).
   *
   * @throws StoreException if the index names an entry that is missing or does not name the key
   */
  long head(String linkKey, StoredCheckpoint checkpoint) {
    long head = store.latestSeqBelow(linkKey, checkpoint.size());
    if (head >= 0) {
      StoredLeaf leaf = store.leaf(head).orElseThrow(() -> missing(head));
      LedgerEntry entry;
      try {
        entry = LeafCodec.decode(leaf.leaf());
      } catch (LeafFormatException e) {
        throw new StoreException("entry " + head + " is not a valid leaf; run `verify`", e);
      }
      if (!entry.links().containsKey(linkKey)) {
        throw new StoreException("the per-key index names entry " + head + " for " + linkKey
            + ", which does not name it; run `verify`");
      }
    }
    return head;
  }

  private static boolean matches(StoredLeaf leaf, HistoryRequest request) {
    LedgerEntry entry;
    try {
      entry = LeafCodec.decode(leaf.leaf());
    } catch (LeafFormatException e) {
      throw new StoreException("entry " + leaf.seq() + " is not a valid leaf; run `verify`: "
          + e.getMessage(), e);
    }
    Header header = EventParser.header(entry); // a time that does not parse matches no window
    return request.matches(header.type(), header.at());
  }

  /** The checkpoint signed at exactly {@code treeSize}, or 404. */
  StoredCheckpoint signedAt(long treeSize) {
    return store.checkpointsAfter(treeSize - 1, 1).stream()
        .filter(c -> c.size() == treeSize)
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("no checkpoint was signed at tree size "
            + treeSize + "; use the size of a checkpoint you hold"));
  }

  private static StoreException missing(long seq) {
    return new StoreException("entry " + seq + " is below the signed size but not stored; run `verify`");
  }

  private static String text(StoredLeaf leaf) {
    return new String(leaf.leaf(), StandardCharsets.UTF_8);
  }

  private static List<String> hex(List<Digest> digests) {
    return digests.stream().map(Digest::hex).toList();
  }
}
