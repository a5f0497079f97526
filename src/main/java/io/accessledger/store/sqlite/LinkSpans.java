package io.accessledger.store.sqlite;

/**
 * How the per-key index ({@code link_index}) is filed: by span, the run of 2<sup>16</sup>
 * consecutive entries that holds an entry, then key id, then seq.
 *
 * <p>Why: a group commit's entries are consecutive, so all its index rows fall in the newest span
 * (at most two), a region whose size does not grow with the log. Keyed by key id first, the same
 * rows landed all over one B-tree as large as the whole index, each dirtying a page of its own, and
 * appends slowed as the log grew. The price is on the read side: a key's rows are found with one
 * seek per span (16 for a million entries, done inside one statement by SQLite).
 *
 * <p>The rule {@code span = seq >> 16} is fixed for the life of a ledger file: queries look for an
 * entry's row only in its span, so a row filed elsewhere is missed where it belongs (and may turn
 * up out of order where it lies). {@code verify} counts such rows as an edit of the index.
 *
 * <p>Lookups visit only the spans the ledger's entries occupy, bounded by its newest leaf, never by
 * what the index holds: a row planted under an absurd span (the triggers refuse updates and
 * deletes, not inserts) could otherwise make every lookup walk billions of spans.
 */
final class LinkSpans {
  /** log2 of the entries per span. */
  static final int BITS = 16;

  private LinkSpans() {}

  /** The span holding entry {@code seq}. */
  static long of(long seq) {
    return seq >> BITS;
  }

  /** The newest span of the ledger's entries (NULL when it has none), as a scalar subquery. */
  private static final String NEWEST = "(SELECT MAX(seq) >> " + BITS + " FROM leaves)";

  /**
   * A {@code WITH} clause defining {@code spans(s)}: every span from the one bound to its parameter
   * up to the newest span of the ledger's entries (just the bound one when there are none or they
   * end before it). Used as {@code span IN spans}, SQLite seeks each span in ascending order, so
   * an {@code ORDER BY span, seq} costs no sort and a {@code LIMIT} stops the seeks early.
   */
  static final String UP_FROM = "WITH RECURSIVE spans(s) AS (SELECT ? UNION ALL SELECT s + 1"
      + " FROM spans WHERE s < " + NEWEST + ") ";

  /**
   * A {@code WITH} clause defining {@code spans(s)}: every span from the one bound to its parameter,
   * or the newest of the ledger's entries if that is older, down to 0 (no spans when the ledger is
   * empty). With {@code ORDER BY span DESC, seq DESC} SQLite seeks from the newest span back, with
   * no sort.
   */
  static final String DOWN_FROM = "WITH RECURSIVE spans(s) AS (SELECT MIN(?, " + NEWEST + ")"
      + " UNION ALL SELECT s - 1 FROM spans WHERE s > 0) ";
}
