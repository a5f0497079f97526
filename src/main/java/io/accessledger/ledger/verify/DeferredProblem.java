package io.accessledger.ledger.verify;

/**
 * The one problem the run holds back: a bad stored Merkle node or a checkpoint whose root does not
 * match is reported only once the entry after the stretch it covers has been read. If an entry
 * there was edited, the leaf checks name that entry, which is more precise; and entries before
 * the last valid checkpoint are proven, so nothing an attacker plants later can move the blame
 * back onto them or hide an earlier problem. Only the first problem deferred is kept.
 */
final class DeferredProblem {
  private Problem problem;
  private long reportAfterSeq;

  /**
   * Holds {@code found} back until the entry at {@code reportAfterSeq} has been read, unless a
   * problem is already held back.
   */
  void defer(Problem found, long reportAfterSeq) {
    if (problem == null) {
      problem = found;
      this.reportAfterSeq = reportAfterSeq;
    }
  }

  /** Whether a problem is held back. */
  boolean isHeld() {
    return problem != null;
  }

  /** Whether a problem is held back and, the entry at {@code seq} read, must be reported now. */
  boolean isDueAt(long seq) {
    return problem != null && seq >= reportAfterSeq;
  }

  /** The problem held back, or null. */
  Problem problem() {
    return problem;
  }

  /**
   * Of {@code found}, a problem found now, and the one held back, the one at the earlier seq
   * ({@code found} on a tie).
   */
  Problem earlierThan(Problem found) {
    return problem != null && problem.seq() < found.seq() ? problem : found;
  }
}
