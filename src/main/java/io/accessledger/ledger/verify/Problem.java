package io.accessledger.ledger.verify;

/**
 * A problem the verifier found at {@code seq}, in words: the first bad entry it names, and why.
 * Every check of the package returns one (or null for none), so that the run can compare where
 * two problems lie and report the earlier.
 */
record Problem(long seq, String message) {
  /** Of two problems, either possibly null, the one at the earlier seq ({@code a} on a tie). */
  static Problem earlier(Problem a, Problem b) {
    if (a == null) {
      return b;
    }
    return b == null || a.seq() <= b.seq() ? a : b;
  }
}
