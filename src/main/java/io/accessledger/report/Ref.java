package io.accessledger.report;

/**
 * Where a line of a report comes from: the ledger entry's {@code seq} and its leaf hash (lowercase
 * hex), which anyone holding the entry can recompute and find in an evidence bundle.
 */
public record Ref(long seq, String leafHash) {}
