package io.accessledger.report;

import io.accessledger.api.ProvenEntry;
import java.util.List;

/**
 * What makes a report checkable: every entry it draws on, exactly as the log holds it, with its
 * inclusion proof in the tree of {@code treeSize} entries whose root {@code checkpoint} signs, and
 * the signed {@code completeness} statement that {@code head} is the latest entry naming
 * {@code key}.
 *
 * <p>{@code entries} are the child's entries the report shows, in {@code seq} order. When
 * {@code complete} is true they are the whole history: a verifier checks they chain through their
 * {@code links} from the first to {@code head}. When a time window left some out it is false, and
 * the entries prove only that each is in the log (a whole history, or an evidence bundle, proves
 * the window complete). {@code releases} are the extract releases the child's extract entries
 * point at; {@code checks} the auditors' reads of the record, found by reading the whole log, so
 * no signed statement says they are all; {@code request} is the entry recording this report's
 * request.
 *
 * <p>The leaves are the log's, unredacted: they name staff ids, and a share decision names every
 * child it concerned. This part is for the DPO and an independent checker, not for the family.
 */
public record ReportEvidence(
    String origin,
    String verifierKey,
    long treeSize,
    String checkpoint,
    String key,
    String completeness,
    long head,
    boolean complete,
    ProvenEntry request,
    List<ProvenEntry> entries,
    List<ProvenEntry> releases,
    List<ProvenEntry> checks) {
  public ReportEvidence {
    entries = List.copyOf(entries);
    releases = List.copyOf(releases);
    checks = List.copyOf(checks);
  }
}
