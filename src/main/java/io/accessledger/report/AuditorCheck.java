package io.accessledger.report;

/**
 * A read of the ledger about the child by an auditor or investigator (an {@code AUDIT_QUERY}
 * entry): when, who (named under the report's policy), and what they asked for, in words.
 */
public record AuditorCheck(String occurredAt, Staff by, String asked, Ref entry) {}
