package io.accessledger.ledger.verify;

import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LinkKeySummary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Reconciles the stored per-key index with the leaves. The index is not evidence, but the writer
 * takes link heads from it and queries list histories from it, so an edited index would make the
 * service sign wrong links or leave entries out of a person's history.
 */
final class LinkIndexCheck {
  private final Map<String, long[]> fromLeaves;

  /**
   * @param fromLeaves per key, {latest seq, entry count, sum of seqs}, as re-derived from the
   *     leaves
   */
  LinkIndexCheck(Map<String, long[]> fromLeaves) {
    this.fromLeaves = fromLeaves;
  }

  /** The first disagreement between {@code summaries}, the index's own account, and the leaves. */
  Problem check(List<LinkKeySummary> summaries) {
    Set<String> seen = new HashSet<>();
    for (LinkKeySummary index : summaries) {
      if (index.linkKey() == null) {
        return new Problem(Math.max(0, index.latestSeq()), "the link index"
            + " holds " + index.entries() + " rows that lookups would miss or misread: under key"
            + " ids that name no key, outside their span, or not a whole seq (index edited)");
      }
      if (!seen.add(index.linkKey())) {
        return new Problem(Math.max(0, index.latestSeq()),
            "the link index stores key " + index.linkKey() + " twice (index edited)");
      }
      long[] leaves = fromLeaves.get(index.linkKey());
      long latest = leaves == null ? -1 : leaves[0];
      long count = leaves == null ? 0 : leaves[1];
      long sum = leaves == null ? 0 : leaves[2];
      if (index.latestSeq() != latest || index.entries() != count) {
        return new Problem(Math.max(0, Math.max(latest, index.latestSeq())),
            "the link index lists " + index.entries() + " entries for " + index.linkKey()
                + ", the latest seq " + index.latestSeq() + ", but the leaves name it in "
                + count + " entries, the latest seq " + latest + " (index edited)");
      }
      if (index.seqSum() != sum) {
        return new Problem(Math.max(0, latest), "the link index lists "
            + count + " entries for " + index.linkKey() + ", the latest seq " + latest
            + ", as the leaves do, but not the same ones: their seqs add up to "
            + index.seqSum() + ", not " + sum + " (index edited)");
      }
    }
    for (Map.Entry<String, long[]> key : fromLeaves.entrySet()) {
      if (!seen.contains(key.getKey())) {
        return new Problem(key.getValue()[0], "the link index has no entry for "
            + key.getKey() + ", which entries up to seq " + key.getValue()[0]
            + " name (index edited)");
      }
    }
    return null;
  }

  /**
   * Reads the index's summary from {@code twin} on a thread of its own, while the caller reads the
   * leaves from another snapshot of the same state. The future completes when the read is over,
   * successfully or not; the caller must wait for it before closing {@code twin}.
   */
  static CompletableFuture<List<LinkKeySummary>> readAhead(LedgerSnapshot twin) {
    CompletableFuture<List<LinkKeySummary>> summaries = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        summaries.complete(read(twin));
      } catch (Throwable t) {
        summaries.completeExceptionally(t);
      }
    }, "verify-link-index");
    reader.setDaemon(true);
    reader.start();
    return summaries;
  }

  /** Reads the index's summary from {@code snapshot} on the calling thread. */
  static List<LinkKeySummary> read(LedgerSnapshot snapshot) {
    try (Stream<LinkKeySummary> summaries = snapshot.linkIndexSummary()) {
      return summaries.toList();
    }
  }

  /** The summary {@link #readAhead} read, or what made it fail, rethrown. */
  static List<LinkKeySummary> await(CompletableFuture<List<LinkKeySummary>> summaries) {
    try {
      return summaries.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }
}
