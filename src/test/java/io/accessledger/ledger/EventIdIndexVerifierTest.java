package io.accessledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.EventIdentity;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits the event-id index of a real SQLite ledger as an attacker holding the file would, and checks
 * that verification catches each edit and names the seq it concerns. Each test starts from a fresh
 * ledger of 11 entries:
 *
 * <pre>
 *   0-3   views v-0 … v-3 from case-system
 *   4     an AUDIT_QUERY written by the ledger itself (no event-id row)
 *   5     extract release rel-1 naming 3 subjects, then
 *   6-8   its EXTRACT_SUBJECT entries (no event-id rows)
 *   9-10  views v-9, v-10
 * </pre>
 */
class EventIdIndexVerifierTest {
  private static final String SOURCE = "case-system";
  private static final long ENTRIES = 11;

  @TempDir Path dir;
  private Path db;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @BeforeEach
  void buildLedger() {
    db = dir.resolve("ledger.db");
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      for (int i = 0; i < 4; i++) {
        sequencer.append(TestLedger.prepared("v-" + i, "child-" + i, "worker-1")).join();
      }
      sequencer.append(PreparedEvent.of(auditQuery(), EventIdentity.LEDGER_SOURCE)).join();
      sequencer.appendGroup(releaseEntries(release("rel-1"), 3)).join();
      sequencer.append(TestLedger.prepared("v-9", "child-9", "worker-2")).join();
      sequencer.append(TestLedger.prepared("v-10", "child-10", "worker-2")).join();
    }
  }

  /** An extract release as posted, naming subjects whose ids need escaping or are not ASCII. */
  static Map<String, Object> release(String eventId) {
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("eventId", eventId);
    release.put("type", "EXTRACT_RELEASE");
    release.put("occurredAt", "2026-01-15T12:00:00Z");
    release.put("actor", Map.of("id", "ig-0003"));
    release.put("purpose", "evaluation");
    release.put("legalBasis", List.of("UKGDPR-6-1-e"));
    release.put("recipient", Map.of("organisation", "WWCSC"));
    release.put("agreement", "WWCSC-FAMILY-VALUED");
    release.put("dataset", Map.of("name", "extract", "rowCount", 12));
    release.put("approvedBy", Map.of("id", "dpo-0001"));
    release.put("subjects",
        List.of(Map.of("id", "child-\"q\""), Map.of("id", "child-\u00e9"), Map.of("id", "c-3")));
    return release;
  }

  /**
   * The entries the service makes of a posted release (contract section 2), keyed by the digest of
   * the release as posted; with {@code subjectEntries} fewer than its subjects, a broken group.
   */
  static List<PreparedEvent> releaseEntries(Map<String, Object> posted, int subjectEntries) {
    List<?> subjects = (List<?>) posted.get("subjects");
    Map<String, Object> stored = new LinkedHashMap<>(posted);
    stored.remove("subjects");
    stored.put("subjectCount", (long) subjects.size());
    String eventId = (String) posted.get("eventId");
    List<PreparedEvent> entries = new ArrayList<>();
    entries.add(PreparedEvent.identified(
        stored, new EventKey(SOURCE, eventId, TestLedger.postedDigest(posted))));
    for (int i = 0; i < subjectEntries; i++) {
      String id = (String) ((Map<?, ?>) subjects.get(i)).get("id");
      entries.add(PreparedEvent.extractSubject(
          eventId, i, (String) posted.get("occurredAt"), id, i + 1, SOURCE));
    }
    return entries;
  }

  private static Map<String, Object> auditQuery() {
    return Map.of(
        "type", "AUDIT_QUERY",
        "eventId", "audit-1",
        "occurredAt", "2026-01-15T12:00:00.000Z",
        "actor", Map.of("id", "auditor-1", "role", "auditor"),
        "query", Map.of("path", "/v1/log", "parameters", Map.of()));
  }

  private VerificationResult verify() {
    return verifyFile(db);
  }

  @Test
  void aDroppedIndexTableIsReportedNotThrown() throws Exception {
    VerificationResult result = tamperAndVerify("DROP TABLE event_ids");
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("cannot be read").contains("event_ids");
  }

  private VerificationResult tamperAndVerify(String... sql) throws Exception {
    TestLedger.tamper(db, sql);
    VerificationResult result = verify();
    assertThat(result.isIntact()).as("verified despite the edit").isFalse();
    assertThat(result.problem()).contains("event-id");
    return result;
  }

  private static String insert(String source, String eventId, long seq) {
    return "INSERT INTO event_ids (source, event_id, seq, content_hash) VALUES ('" + source
        + "', '" + eventId + "', " + seq + ", zeroblob(32))";
  }

  @Test
  void anIntactLedgerVerifies() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).as(result.problem()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES);
  }

  @Test
  void aDeletedRowIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify("DELETE FROM event_ids WHERE event_id = 'v-2'");
    assertThat(result.firstBadSeq()).hasValue(2);
    assertThat(result.problem())
        .contains("has no row for eventId v-2 from case-system, which entry 2 holds")
        .endsWith("(index edited)");
  }

  @Test
  void aDeletedReleaseRowIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify("DELETE FROM event_ids WHERE event_id = 'rel-1'");
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem()).contains("no row for eventId rel-1");
  }

  @Test
  void aRowMovedLaterIsNamedAtTheEntryItLeft() throws Exception {
    VerificationResult result =
        tamperAndVerify("UPDATE event_ids SET seq = 9 WHERE event_id = 'v-3'");
    assertThat(result.firstBadSeq()).hasValue(3);
    assertThat(result.problem()).contains("no row for eventId v-3");
  }

  @Test
  void aRowMovedEarlierIsNamedAtTheEntryItNowPointsAt() throws Exception {
    VerificationResult result =
        tamperAndVerify("UPDATE event_ids SET seq = 1 WHERE event_id = 'v-3'");
    assertThat(result.firstBadSeq()).hasValue(1);
    assertThat(result.problem()).contains(
        "records eventId v-3 from case-system at seq 1, but entry 1 holds eventId v-1");
  }

  @Test
  void anEditedContentHashIsNamed() throws Exception {
    VerificationResult result =
        tamperAndVerify("UPDATE event_ids SET content_hash = zeroblob(32) WHERE event_id = 'v-9'");
    assertThat(result.firstBadSeq()).hasValue(9);
    assertThat(result.problem())
        .contains("records content hash " + Digest.ZERO + " for eventId v-9")
        .contains("but the event of entry 9 hashes to");
  }

  @Test
  void anEditedReleaseContentHashIsNamedAtTheRelease() throws Exception {
    VerificationResult result =
        tamperAndVerify("UPDATE event_ids SET content_hash = zeroblob(32) WHERE event_id = 'rel-1'");
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem())
        .contains("for eventId rel-1 from case-system at seq 5")
        .contains("rebuilt from entries 5 to 8");
  }

  @Test
  void aRowForAnEntryTheLedgerWroteIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(insert("ledger", "audit-1", 4));
    assertThat(result.firstBadSeq()).hasValue(4);
    assertThat(result.problem()).contains("entry 4 was written by the ledger itself");
  }

  @Test
  void aRowForAnExtractSubjectEntryIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(insert(SOURCE, "rel-1#1", 7));
    assertThat(result.firstBadSeq()).hasValue(7);
    assertThat(result.problem()).contains("entry 7 is an EXTRACT_SUBJECT entry");
  }

  @Test
  void aRowBeyondTheEndIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(insert(SOURCE, "ghost", 99));
    assertThat(result.firstBadSeq()).hasValue(99);
    assertThat(result.problem())
        .contains("records eventId ghost from case-system at seq 99, but the log holds only 11");
  }

  @Test
  void aSecondRowForOneSeqIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(
        "INSERT INTO event_ids (source, event_id, seq, content_hash) SELECT source, 'v-10-again',"
            + " seq, content_hash FROM event_ids WHERE event_id = 'v-10'");
    assertThat(result.firstBadSeq()).hasValue(10);
    assertThat(result.problem()).contains("records eventId v-10-again from case-system at seq 10");
  }

  @Test
  void aSecondRowForTheReleaseIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(insert(SOURCE, "rel-0", 5));
    assertThat(result.firstBadSeq()).hasValue(5);
  }

  @Test
  void theEarliestOfSeveralEditsIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(
        insert(SOURCE, "rel-1#2", 8),
        "UPDATE event_ids SET content_hash = zeroblob(32) WHERE event_id = 'rel-1'",
        "DELETE FROM event_ids WHERE event_id = 'v-10'");
    // The release's digest is settled only at entry 8, after the bad row at 8 was read.
    assertThat(result.firstBadSeq()).hasValue(5);
  }

  @Test
  void aHashOfTheWrongLengthIsNamed() throws Exception {
    VerificationResult result = tamperAndVerify(
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE event_ids SET content_hash = X'00' WHERE event_id = 'v-1'");
    assertThat(result.firstBadSeq()).hasValue(1);
    assertThat(result.problem()).contains("records a content hash that is not 32 bytes for eventId v-1");
  }

  @Test
  void anEditedLeafIsReportedBeforeTheIndexDisagreeingWithIt() throws Exception {
    TestLedger.tamper(db, "DELETE FROM event_ids WHERE event_id = 'v-1'",
        "UPDATE leaves SET leaf = CAST(replace(CAST(leaf AS TEXT), 'case work', 'case xork')"
            + " AS BLOB) WHERE seq = 3");
    VerificationResult result = verify();
    // The leaves are the evidence; the index is checked only once they are intact.
    assertThat(result.firstBadSeq()).hasValue(3);
    assertThat(result.problem()).contains("entry 3 was altered");
  }

  @Test
  void aReleaseWhoseSubjectEntriesAreCutShortIsNamedAtTheRelease() {
    Path other = dir.resolve("short.db");
    try (LedgerStore store = TestLedger.openStore(other);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.append(TestLedger.prepared("v-0", "child-0", "worker-1")).join();
      List<PreparedEvent> group = new ArrayList<>(releaseEntries(release("rel-2"), 2));
      group.add(TestLedger.prepared("v-4", "child-4", "worker-1"));
      sequencer.appendGroup(group).join();
    }
    VerificationResult result = verifyFile(other);
    assertThat(result.firstBadSeq()).hasValue(1);
    assertThat(result.problem()).contains(
        "the extract release at seq 1 names 3 subjects, but entry 4 is not its EXTRACT_SUBJECT"
            + " entry 2: its event has keys");
  }

  @Test
  void aReleaseAtTheEndOfTheLogMissingSubjectEntriesIsNamedAtTheRelease() {
    Path other = dir.resolve("end.db");
    try (LedgerStore store = TestLedger.openStore(other);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.appendGroup(releaseEntries(release("rel-3"), 1)).join();
    }
    VerificationResult result = verifyFile(other);
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("the log ends after 1 of its EXTRACT_SUBJECT entries");
  }

  private VerificationResult verifyFile(Path file) {
    return TestLedger.verifyFile(file, signer.verifierKey());
  }
}
