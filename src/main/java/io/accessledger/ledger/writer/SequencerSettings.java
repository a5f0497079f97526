package io.accessledger.ledger.writer;

/**
 * Tuning of the {@link Sequencer}.
 *
 * @param maxBatchEntries most entries written in one group commit (a single larger group is still
 *     written whole, on its own)
 * @param queueCapacity most groups waiting for the writer before appends are refused as busy
 * @param linkCacheSize most link heads the writer keeps in memory
 */
public record SequencerSettings(int maxBatchEntries, int queueCapacity, int linkCacheSize) {
  public SequencerSettings {
    if (maxBatchEntries < 1 || queueCapacity < 1 || linkCacheSize < 1) {
      throw new IllegalArgumentException(
          "sequencer settings must be positive: maxBatchEntries=" + maxBatchEntries
              + ", queueCapacity=" + queueCapacity + ", linkCacheSize=" + linkCacheSize);
    }
  }

  /** Defaults sized for a 2-core machine. */
  public static SequencerSettings defaults() {
    return new SequencerSettings(4096, 65536, 200_000);
  }
}
