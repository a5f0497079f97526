package io.accessledger.query;

import io.accessledger.api.LogInfo;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.ledger.leaf.HistoryChain;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.report.AuditorChecks;
import io.accessledger.report.Proven;
import io.accessledger.report.ReportSource;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads from the log everything a child's access report draws on ({@link ReportSource}), proven in
 * the latest signed tree, which covers the report's own request entry: the child's whole history,
 * found through the per-key index and checked against the leaves' own links up to the signed head
 * (as an evidence bundle is); the extract releases it points at; and the auditors' checks of the
 * record, found by one pass over the log's {@code AUDIT_QUERY} entries ({@link LedgerScan}).
 *
 * <p>A child's history is held in memory while the report is built: about 2 KB an entry with its
 * proof, so 2 MB for a thousand entries.
 */
public final class AccessReportSources {
  /** Entries read and proven per round trip. */
  private static final int CHUNK = 512;

  private static final Set<String> AUDIT_QUERY = Set.of("AUDIT_QUERY");

  private final LedgerStore store;
  private final LedgerQueries queries;

  public AccessReportSources(LedgerStore store, LedgerQueries queries) {
    this.store = store;
    this.queries = queries;
  }

  /**
   * Everything for the report {@code request}, whose request the log recorded as entry
   * {@code requestSeq}.
   *
   * @throws StoreException if the stored log disagrees with itself (an index naming entries that
   *     are missing or do not link up, an extract entry pointing at no release): run {@code verify}
   */
  public ReportSource load(AccessReportRequest request, long requestSeq) {
    StoredCheckpoint checkpoint = queries.checkpoint();
    long size = checkpoint.size();
    String key = LinkKeys.subjectKey(request.subjectId());
    long head = queries.head(key, checkpoint);
    String completeness = queries.completeness(key, checkpoint, head);
    List<Proven> history = history(key, size, head);

    Set<Long> releaseSeqs = new TreeSet<>();
    Set<Long> historySeqs = new HashSet<>();
    for (Proven entry : history) {
      historySeqs.add(entry.seq());
      if (entry.event() instanceof ExtractSubject subject) {
        Long release = subject.release();
        if (release == null || release < 0 || release >= size) {
          throw new StoreException("entry " + entry.seq() + " is an extract entry that points at"
              + " no release in the signed log; run `verify`");
        }
        releaseSeqs.add(release);
      }
    }
    Map<Long, Proven> releases = new HashMap<>();
    for (Proven release : prove(new ArrayList<>(releaseSeqs), size)) {
      if (!(release.event() instanceof ExtractRelease)) {
        throw new StoreException("entry " + release.seq() + ", which an extract entry of " + key
            + " points at, is not an extract release; run `verify`");
      }
      releases.put(release.seq(), release);
    }

    List<Long> checkSeqs = new ArrayList<>();
    LedgerScan.forEach(store, size, AUDIT_QUERY, (entry, event) -> {
      if (entry.seq() != requestSeq
          && AuditorChecks.asked(event, request.subjectId(), historySeqs).isPresent()) {
        checkSeqs.add(entry.seq());
      }
    });
    List<Proven> requestEntry = prove(List.of(requestSeq), size);
    if (requestEntry.isEmpty()) {
      throw new StoreException("the request's own entry " + requestSeq + " is not stored");
    }
    LogInfo log = queries.log();
    return new ReportSource(request.subjectId(), request.from(), request.to(),
        requestEntry.get(0),
        new ReportSource.SignedLog(log.origin(), log.verifierKey(), size, checkpoint.note(), key,
            completeness, head),
        history, releases, prove(checkSeqs, size));
  }

  /**
   * Every entry naming {@code key} below {@code size}, oldest first. The index is derived data, so
   * the entries' own links are followed and must reach the signed {@code head}; otherwise the
   * report is refused rather than made from a history the index has made wrong.
   */
  private List<Proven> history(String key, long size, long head) {
    HistoryChain chain = new HistoryChain(key, -1);
    List<Proven> history = new ArrayList<>();
    long after = -1;
    while (true) {
      List<Long> seqs = store.seqsFor(key, after, CHUNK).stream().filter(s -> s < size).toList();
      if (seqs.isEmpty()) {
        break;
      }
      for (Proven entry : prove(seqs, size)) {
        try {
          chain.next(entry.seq(), entry.proof().leaf().getBytes(StandardCharsets.UTF_8));
        } catch (HistoryChain.BrokenChainException e) {
          throw ProvenEntries.brokenIndex(e, "no report was made");
        }
        history.add(entry);
      }
      after = seqs.get(seqs.size() - 1);
    }
    try {
      chain.requireHead(head);
    } catch (HistoryChain.BrokenChainException e) {
      throw ProvenEntries.brokenIndex(e, "no report was made");
    }
    return history;
  }

  /** The entries {@code seqs} (ascending), decoded and proven in the tree of {@code size}. */
  private List<Proven> prove(List<Long> seqs, long size) {
    List<Proven> proven = new ArrayList<>(seqs.size());
    try {
      ProvenEntries.forEach(store, queries.nodes(), seqs, size, (leaf, proof) ->
          proven.add(Proven.of(ProvenEntries.decode(leaf), ProvenEntries.of(leaf, proof))));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("collecting into a list cannot fail", e);
    }
    return proven;
  }

}
