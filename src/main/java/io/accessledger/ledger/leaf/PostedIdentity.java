package io.accessledger.ledger.leaf;

import io.accessledger.ledger.merkle.Digest;

/**
 * What the event-id index must record for an entry that holds a posted event (contract sections 3
 * and 4): its {@code eventId}, unique per source, and the SHA-256 of the event as posted.
 *
 * @param release whether the entry is an {@code EXTRACT_RELEASE}, whose stored event is not the
 *     posted one: its digest can be computed only from its subject entries as well
 * @param content SHA-256 of the canonical event as posted; null for a release
 */
public record PostedIdentity(String eventId, boolean release, Digest content) {}
