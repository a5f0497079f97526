package io.accessledger.ledger.leaf;

/**
 * Names stretches of entries in problem reports exactly: a report of removed or added entries
 * names the whole stretch, first and last seq, never only the first entry of it.
 */
public final class EntryRanges {
  private EntryRanges() {}

  /**
   * {@code "entry 7 is"} or {@code "entries 7 to 9 are"}: the stretch from {@code first} to
   * {@code last} (inclusive), with the verb {@code one} or {@code many} to agree with it.
   */
  public static String of(long first, long last, String one, String many) {
    return first == last ? "entry " + first + " " + one
        : "entries " + first + " to " + last + " " + many;
  }

  /**
   * Why storage holding {@code stored} entries (one more than its largest seq) disagrees with a
   * signed checkpoint covering {@code signed}: {@code "entries 35 to 37 were removed"} or
   * {@code "entry 40 was added outside the service"}. Each batch is stored with its checkpoint, so
   * an honest ledger never shows either.
   */
  public static String tailMismatch(long stored, long signed) {
    if (stored < signed) {
      return of(stored, signed - 1, "was", "were") + " removed";
    }
    return of(signed, stored - 1, "was", "were") + " added outside the service";
  }
}
