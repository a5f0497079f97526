package io.accessledger.ledger;

/**
 * The acknowledgement of one appended entry: once a caller holds this, the entry is durable and
 * covered by the signed checkpoint of size {@code checkpointSize}.
 */
public record AppendResult(long seq, Digest leafHash, long checkpointSize) {}
