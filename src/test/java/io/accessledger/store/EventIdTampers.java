package io.accessledger.store;

import static io.accessledger.support.ExtractReleases.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.support.ExtractReleases;
import io.accessledger.support.TestLedger;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of the event-id index (what makes a repeated post idempotent) deleted, moved, edited or
 * planted: verify names the seq each concerns. Each case starts from a ledger of 11 entries:
 *
 * <pre>
 *   0-3   views v-0 … v-3 from case-system
 *   4     an AUDIT_QUERY written by the ledger itself (no event-id row)
 *   5     extract release rel-1 naming 3 subjects, then
 *   6-8   its EXTRACT_SUBJECT entries (no event-id rows)
 *   9-10  views v-9, v-10
 * </pre>
 */
abstract class EventIdTampers extends TamperCases {
  private static final long ENTRIES = 11;

  EventIdTampers(LedgerTamperContract backend) {
    super(backend);
  }

  @BeforeEach
  void writeLedger() {
    write(sequencer -> {
      for (int i = 0; i < 4; i++) {
        sequencer.append(TestLedger.prepared("v-" + i, "child-" + i, "worker-1")).join();
      }
      sequencer.append(PreparedEvent.of(auditQuery(), EventIdentity.LEDGER_SOURCE)).join();
      sequencer.appendGroup(ExtractReleases.entries(ExtractReleases.release("rel-1"), 3)).join();
      sequencer.append(TestLedger.prepared("v-9", "child-9", "worker-2")).join();
      sequencer.append(TestLedger.prepared("v-10", "child-10", "worker-2")).join();
    });
  }

  private static Map<String, Object> auditQuery() {
    return Map.of(
        "type", "AUDIT_QUERY",
        "eventId", "audit-1",
        "occurredAt", "2026-01-15T12:00:00.000Z",
        "actor", Map.of("id", "auditor-1", "role", "auditor"),
        "query", Map.of("path", "/v1/log", "parameters", Map.of()));
  }

  /** Verifies, which must fail on the event-id index. */
  private VerificationResult verifyIndexEdited() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).as("verified despite the edit").isFalse();
    assertThat(result.problem()).contains("event-id");
    return result;
  }

  @Test
  void theLedgerAsWrittenVerifies() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).as(result.problem()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES);
  }

  @Test
  void aRemovedIndexIsReportedNotThrown() {
    tamper().dropEventIdIndex();
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("cannot be read");
  }

  @Test
  void aDeletedRowIsNamed() {
    tamper().deleteEventId(SOURCE, "v-2");
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(2);
    assertThat(result.problem())
        .contains("has no row for eventId v-2 from case-system, which entry 2 holds")
        .endsWith("(index edited)");
  }

  @Test
  void aDeletedReleaseRowIsNamed() {
    tamper().deleteEventId(SOURCE, "rel-1");
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem()).contains("no row for eventId rel-1");
  }

  @Test
  void aRowMovedLaterIsNamedAtTheEntryItLeft() {
    tamper().moveEventId(SOURCE, "v-3", 9);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(3);
    assertThat(result.problem()).contains("no row for eventId v-3");
  }

  @Test
  void aRowMovedEarlierIsNamedAtTheEntryItNowPointsAt() {
    tamper().moveEventId(SOURCE, "v-3", 1);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(1);
    assertThat(result.problem()).contains(
        "records eventId v-3 from case-system at seq 1, but entry 1 holds eventId v-1");
  }

  @Test
  void anEditedContentHashIsNamed() {
    tamper().rewriteEventIdContent(SOURCE, "v-9", Digest.ZERO.bytes());
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(9);
    assertThat(result.problem())
        .contains("records content hash " + Digest.ZERO + " for eventId v-9")
        .contains("but the event of entry 9 hashes to");
  }

  @Test
  void anEditedReleaseContentHashIsNamedAtTheRelease() {
    tamper().rewriteEventIdContent(SOURCE, "rel-1", Digest.ZERO.bytes());
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem())
        .contains("for eventId rel-1 from case-system at seq 5")
        .contains("rebuilt from entries 5 to 8");
  }

  @Test
  void aRowForAnEntryTheLedgerWroteIsNamed() {
    tamper().addEventId("ledger", "audit-1", 4, Digest.ZERO);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(4);
    assertThat(result.problem()).contains("entry 4 was written by the ledger itself");
  }

  @Test
  void aRowForAnExtractSubjectEntryIsNamed() {
    tamper().addEventId(SOURCE, "rel-1#1", 7, Digest.ZERO);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(7);
    assertThat(result.problem()).contains("entry 7 is an EXTRACT_SUBJECT entry");
  }

  @Test
  void aRowBeyondTheEndIsNamed() {
    tamper().addEventId(SOURCE, "ghost", 99, Digest.ZERO);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(99);
    assertThat(result.problem())
        .contains("records eventId ghost from case-system at seq 99, but the log holds only 11");
  }

  @Test
  void aSecondRowForOneSeqIsNamed() {
    Digest content = read(store -> store.findEvent(SOURCE, "v-10")).orElseThrow().content();
    tamper().addEventId(SOURCE, "v-10-again", 10, content);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(10);
    assertThat(result.problem()).contains("records eventId v-10-again from case-system at seq 10");
  }

  @Test
  void aSecondRowForTheReleaseIsNamed() {
    tamper().addEventId(SOURCE, "rel-0", 5, Digest.ZERO);
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(5);
  }

  @Test
  void theEarliestOfSeveralEditsIsNamed() {
    tamper().addEventId(SOURCE, "rel-1#2", 8, Digest.ZERO);
    tamper().rewriteEventIdContent(SOURCE, "rel-1", Digest.ZERO.bytes());
    tamper().deleteEventId(SOURCE, "v-10");
    VerificationResult result = verifyIndexEdited();
    // The release's digest is settled only at entry 8, after the bad row at 8 was read.
    assertThat(result.firstBadSeq()).hasValue(5);
  }

  @Test
  void aHashOfTheWrongLengthIsNamed() {
    tamper().rewriteEventIdContent(SOURCE, "v-1", new byte[] {0});
    VerificationResult result = verifyIndexEdited();
    assertThat(result.firstBadSeq()).hasValue(1);
    assertThat(result.problem()).contains("records a content hash that is not 32 bytes for eventId v-1");
  }

  @Test
  void anEditedLeafIsReportedBeforeTheIndexDisagreeingWithIt() {
    tamper().deleteEventId(SOURCE, "v-1");
    tamper().rewriteLeaf(3, editedLeaf(3, "case work", "case xork"), leaf(3).hash());
    VerificationResult result = verify();
    // The leaves are the evidence; the index is checked only once they are intact.
    assertThat(result.firstBadSeq()).hasValue(3);
    assertThat(result.problem()).contains("entry 3 was altered");
  }
}
