package io.accessledger.ledger;

import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LinkKeySummary;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reconciles the stored per-key index with the leaves. The index is not evidence, but the writer
 * takes link heads from it and queries list histories from it, so an edited index would make the
 * service sign wrong links or leave entries out of a person's history.
 */
final class LinkIndexCheck {
  private final Map<String, long[]> fromLeaves;

  /** @param fromLeaves per key, {latest seq, entry count}, as re-derived from the leaves */
  LinkIndexCheck(Map<String, long[]> fromLeaves) {
    this.fromLeaves = fromLeaves;
  }

  /** The first disagreement found, or null. */
  LedgerVerifier.Problem check(LedgerSnapshot snapshot) {
    Set<String> seen = new HashSet<>();
    try (Stream<LinkKeySummary> summaries = snapshot.linkIndexSummary()) {
      Iterator<LinkKeySummary> it = summaries.iterator();
      while (it.hasNext()) {
        LinkKeySummary index = it.next();
        if (index.linkKey() == null) {
          return new LedgerVerifier.Problem(index.latestSeq(), "the link index holds "
              + index.entries() + " rows for key ids that name no key (index edited)");
        }
        if (!seen.add(index.linkKey())) {
          return new LedgerVerifier.Problem(Math.max(0, index.latestSeq()),
              "the link index stores key " + index.linkKey() + " twice (index edited)");
        }
        long[] leaves = fromLeaves.get(index.linkKey());
        long latest = leaves == null ? -1 : leaves[0];
        long count = leaves == null ? 0 : leaves[1];
        if (index.latestSeq() != latest || index.entries() != count) {
          return new LedgerVerifier.Problem(Math.max(0, Math.max(latest, index.latestSeq())),
              "the link index lists " + index.entries() + " entries for " + index.linkKey()
                  + ", the latest seq " + index.latestSeq() + ", but the leaves name it in "
                  + count + " entries, the latest seq " + latest + " (index edited)");
        }
      }
    }
    for (Map.Entry<String, long[]> key : fromLeaves.entrySet()) {
      if (!seen.contains(key.getKey())) {
        return new LedgerVerifier.Problem(key.getValue()[0], "the link index has no entry for "
            + key.getKey() + ", which entries up to seq " + key.getValue()[0]
            + " name (index edited)");
      }
    }
    return null;
  }
}
