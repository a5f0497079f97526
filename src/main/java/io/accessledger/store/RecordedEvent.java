package io.accessledger.store;

import io.accessledger.ledger.merkle.Digest;

/** Where a posted event's {@code eventId} was recorded: its entry and its content digest. */
public record RecordedEvent(long seq, Digest content) {}
