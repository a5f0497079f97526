package io.accessledger.console.audits;

import io.accessledger.api.AuditFinding;
import io.accessledger.api.NeedToKnowAnswer;
import io.accessledger.api.ProvenEntry;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the console keeps of a finished audit run: its findings without their proofs (the entries'
 * pages show those), so a session's runs stay small.
 *
 * @param auditSeq the run's {@code AUDIT_QUERY} entry, which its reviews name
 * @param treeSize the size of the signed tree the run read
 * @param rules the rules that ran, by name
 * @param findings in the service's order
 */
public record AuditResult(long auditSeq, long treeSize, List<String> rules, List<Row> findings) {
  public AuditResult {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
  }

  /**
   * One finding.
   *
   * @param team the {@code actor.team} of its first entry (the view), null when it names none
   * @param subject null when the finding is about many children
   * @param seqs its supporting entries, the view(s) first
   */
  public record Row(String id, String rule, String explanation, String actor, String team,
      String subject, List<Long> seqs) {
    public Row {
      seqs = List.copyOf(seqs);
    }
  }

  /** The result of the run recorded as {@code auditSeq} that answered {@code answer}. */
  public static AuditResult of(long auditSeq, NeedToKnowAnswer answer) {
    List<Row> rows = new ArrayList<>(answer.findings().size());
    for (AuditFinding finding : answer.findings()) {
      List<ProvenEntry> entries = finding.entries();
      rows.add(new Row(finding.id(), finding.rule(), finding.explanation(), finding.actor(),
          entries.isEmpty() ? null : teamOf(entries.get(0)), finding.subject(),
          entries.stream().map(ProvenEntry::seq).toList()));
    }
    return new AuditResult(auditSeq, answer.treeSize(), answer.rules(), rows);
  }

  /** The viewer's team as the entry states it; null if it states none (or is not a view). */
  private static String teamOf(ProvenEntry entry) {
    try {
      LedgerEvent event =
          EventParser.parse(LeafCodec.decode(entry.leaf().getBytes(StandardCharsets.UTF_8)));
      return event.header().actor().team().orElse(null);
    } catch (LeafFormatException e) {
      // The service proved this leaf a moment ago; verify reports a bad one. Show no team.
      return null;
    }
  }
}
