package io.accessledger.store;

/**
 * What the per-key index says about one link key: the latest {@code seq} naming it (-1 if none)
 * and how many entries it lists. The verifier compares this with what the leaves say. A null
 * {@code linkKey} stands for the rows no key's lookup reaches ({@link
 * LedgerSnapshot#linkIndexSummary}).
 */
public record LinkKeySummary(String linkKey, long latestSeq, long entries) {}
