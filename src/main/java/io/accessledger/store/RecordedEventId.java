package io.accessledger.store;

import io.accessledger.ledger.merkle.Digest;

/**
 * One row of the event-id index exactly as stored: a posted event's {@code eventId} from
 * {@code source}, the {@code seq} of the entry said to hold it, and the SHA-256 of its canonical
 * form as posted. The verifier reconciles these rows with the leaves, so nothing here is assumed
 * to be true.
 *
 * @param content the recorded digest, or null when the stored value is not 32 bytes (which the
 *     schema refuses, so someone rebuilt the table)
 */
public record RecordedEventId(String source, String eventId, long seq, Digest content) {}
