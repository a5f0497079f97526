package io.accessledger.store;

/**
 * What the per-key index says about one link key: the latest {@code seq} naming it (-1 if none)
 * and how many entries it lists. The verifier compares this with what the leaves say.
 */
public record LinkKeySummary(String linkKey, long latestSeq, long entries) {}
