package io.accessledger.store;

/**
 * What the per-key index says about one link key: the latest {@code seq} naming it (-1 if none),
 * how many entries it lists, and the sum of their seqs (as Java {@code long} addition wraps), which
 * catches a row moved to another of the key's seqs where the count and latest would not. The
 * verifier compares this with what the leaves say. A null {@code linkKey} stands for the rows that
 * lookups would miss or misread ({@link LedgerSnapshot#linkIndexSummary}).
 */
public record LinkKeySummary(String linkKey, long latestSeq, long entries, long seqSum) {}
