package io.accessledger.ledger.writer;

import io.accessledger.ledger.merkle.Digest;

/**
 * The acknowledgement of one appended entry: once a caller holds this, the entry is durable and
 * covered by the signed checkpoint of size {@code checkpointSize}.
 */
public record AppendResult(long seq, Digest leafHash, long checkpointSize) {}
