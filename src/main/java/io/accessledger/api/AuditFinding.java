package io.accessledger.api;

import java.util.List;

/**
 * One need-to-know finding as answered: its id (for a review), rule, plain-English explanation,
 * the member of staff and subject concerned (null where a rule is about many subjects), and the
 * supporting entries with their proofs, the view(s) first.
 */
public record AuditFinding(
    String id, String rule, String explanation, String actor, String subject,
    List<ProvenEntry> entries) {
  public AuditFinding {
    entries = List.copyOf(entries);
  }
}
