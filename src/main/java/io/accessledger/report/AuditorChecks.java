package io.accessledger.report;

import io.accessledger.entries.AuditQuery;
import io.accessledger.entries.LedgerEvent;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which reads of the ledger were checks of one child's record. An {@code AUDIT_QUERY} entry names
 * the client and the path and parameters it asked for, not the child, so it is not in the child's
 * history; it concerns the child when it asked for their history, their evidence bundle or an
 * access report about them, or fetched one of the entries naming them (the entry or its proof).
 * Reads of the whole log (registers, audits) are not counted: they name no one in particular.
 */
public final class AuditorChecks {
  private static final Pattern ENTRY = Pattern.compile("/v1/entries/(\\d{1,18})(/tlog-proof)?");

  private AuditorChecks() {}

  /**
   * What the read recorded by {@code event} asked about the child, in words for the family, or
   * empty when it is not a check of their record.
   *
   * @param subjectSeqs the {@code seq}s of the entries naming the child
   */
  public static Optional<String> asked(LedgerEvent event, String subjectId, Set<Long> subjectSeqs) {
    if (!(event instanceof AuditQuery query) || query.path() == null) {
      return Optional.empty();
    }
    String path = query.path();
    String subjectPath = "/v1/subjects/" + subjectId;
    if (path.equals(subjectPath + "/events")) {
      return Optional.of("read the history of your record");
    }
    if (path.equals(subjectPath + "/access-report")) {
      return Optional.of("produced an access report like this one");
    }
    if (path.equals("/v1/evidence") && subjectId.equals(query.parameters().get("subject"))) {
      return Optional.of("made an evidence bundle of your record");
    }
    Matcher read = ENTRY.matcher(path);
    if (read.matches() && subjectSeqs.contains(Long.parseLong(read.group(1)))) {
      return Optional.of((read.group(2) == null ? "read ledger entry " : "fetched the proof of"
          + " ledger entry ") + Long.parseLong(read.group(1)) + " about you");
    }
    return Optional.empty();
  }
}
