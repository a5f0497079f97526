package io.accessledger.entries;

/**
 * The event of one ledger entry, typed: one record per entry type, each read once from the
 * decoded leaf by {@link EventParser} under the rules of this package (see {@code
 * package-info}). Records systems post {@link View}, {@link ShareDecision}, {@link
 * ExtractRelease}, {@link Allocation} and {@link CaseClosure}; the ledger writes {@link
 * ExtractSubject}, {@link AuditQuery}, {@link Review}, {@link Maintenance} and {@link KeyRotationEvent} itself; anything
 * else is an {@link OtherEvent}. Immutable and thread-safe.
 */
public sealed interface LedgerEvent
    permits View, ShareDecision, ExtractRelease, ExtractSubject, Allocation, CaseClosure,
        AuditQuery, Review, Maintenance, KeyRotationEvent, OtherEvent {
  /** The fields every entry may carry: type, eventId, occurredAt, actor, purpose, legalBasis. */
  Header header();
}
