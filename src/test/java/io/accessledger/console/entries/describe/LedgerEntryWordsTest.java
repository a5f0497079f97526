package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Events.describe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The describers of the entries the ledger writes itself, and of a type it does not know. */
class LedgerEntryWordsTest {
  @Test
  void anExtractSubjectNamesItsChildAndPointsAtTheRelease() {
    assertThat(describe("""
        {"type":"EXTRACT_SUBJECT","eventId":"x-1#0","occurredAt":"2025-06-02T10:00:00Z",
         "release":12,"subject":{"id":"c-1"}}
        """)).isEqualTo("c-1 was included in the data extract released at entry 12 on 2 June"
        + " 2025 at 11:00. This entry names only that child; the release's entry says what was"
        + " released, to whom and why.");
  }

  @Test
  void anAuditQuerySaysWhoReadWhatWithWhichParameters() {
    assertThat(describe("""
        {"type":"AUDIT_QUERY","eventId":"audit-1","occurredAt":"2026-03-03T14:05:09.123Z",
         "actor":{"id":"dpo","role":"auditor"},
         "query":{"path":"/v1/registers/shares","parameters":{"flagged":"true","grounds":"COURT_ORDER"}}}
        """)).isEqualTo("dpo (auditor) read the share register (/v1/registers/shares) on 3 March"
        + " 2026 at 14:05, with flagged=true and grounds=COURT_ORDER. The ledger recorded this read"
        + " before answering it.");
    assertThat(describe("""
        {"type":"AUDIT_QUERY","occurredAt":"2026-03-03T14:05:09.123Z","actor":{"id":"ico"},
         "query":{"path":"/v1/subjects/child-1/events","parameters":{}}}
        """)).contains("ico read the history of child-1 (/v1/subjects/child-1/events)")
        .contains("with no parameters.");
    assertThat(AuditQueryWords.what("/v1/entries/7")).isEqualTo("entry 7 of the ledger");
    assertThat(AuditQueryWords.what("/console/")).isEqualTo("a console page");
    assertThat(AuditQueryWords.what("/v1/proofs/consistency")).isEqualTo("the ledger");
  }

  @Test
  void aReviewSaysWhichFindingWasReviewedTheOutcomeAndTheNote() {
    assertThat(describe("""
        {"type":"REVIEW","eventId":"review-1","occurredAt":"2026-03-10T09:15:00Z",
         "actor":{"id":"dpo","role":"auditor"},"audit":{"seq":40},"finding":"NOT_ALLOCATED-7",
         "rule":"NOT_ALLOCATED","outcome":"NOT_UPHELD","note":"covering a colleague",
         "reviewed":{"seq":7},"concerning":{"staff":"sw-9","subject":"child-1"}}
        """)).isEqualTo("dpo (auditor) reviewed finding NOT_ALLOCATED-7 of the need-to-know audit"
        + " recorded at entry 40 on 10 March 2026 at 09:15 and concluded: not upheld. The finding,"
        + " a view by someone the case was not allocated to, is about staff member sw-9 and"
        + " child-1, starting at entry 7. Note: 'covering a colleague'.");
  }

  @Test
  void aMaintenanceEntrySaysWhatStartUpPutRight() {
    assertThat(describe("""
        {"type":"MAINTENANCE","eventId":"maintenance-1","occurredAt":"2026-03-01T08:00:00.000Z",
         "action":"APPEND_ONLY_TRIGGERS_RECREATED",
         "triggers":[{"name":"leaves_no_update","found":"MISSING"},{"name":"x","found":"UNEXPECTED"}]}
        """)).isEqualTo("The ledger recorded maintenance of its own database on 1 March 2026 at"
        + " 08:00: start-up recreated the append-only triggers (trigger leaves_no_update was"
        + " missing and trigger x was not one of the ledger's and was dropped).");
  }

  @Test
  void anEntryOfAnUnknownTypeIsToldOnlyByTheFieldsEveryEntryHas() {
    assertThat(describe("""
        {"type":"TELEPATHY","occurredAt":"2026-03-01T08:00:00Z","actor":{"id":"sw-1"},
         "subject":{"id":"c-1"},"purpose":"p","legalBasis":["UKGDPR-6-1-e"]}
        """)).isEqualTo("An entry of type TELEPATHY, by sw-1, on 1 March 2026 at 08:00, for 'p',"
        + " under UK GDPR Article 6(1)(e) (public task). This console does not know this type, so"
        + " it describes only the fields every entry has; the leaf below holds all of it.")
        .doesNotContain("c-1");
    assertThat(describe("{\"occurredAt\":\"2026-03-01T08:00:00Z\"}"))
        .startsWith("An entry with no type, naming no one, on 1 March 2026 at 08:00. ");
  }
}
