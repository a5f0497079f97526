package io.accessledger.api;

import java.util.List;

/**
 * A need-to-know audit (contract section 5): the period, the rules that ran, and the findings,
 * every supporting entry proven in the tree of size {@code treeSize} that {@code checkpoint} signs.
 */
public record NeedToKnowAnswer(
    long treeSize, String checkpoint, String from, String to, List<String> rules,
    List<AuditFinding> findings) {
  public NeedToKnowAnswer {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
  }
}
