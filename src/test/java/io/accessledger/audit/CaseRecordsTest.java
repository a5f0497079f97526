package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.WORKING;
import static io.accessledger.audit.AuditFixtures.policy;
import static io.accessledger.audit.AuditFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.EventParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Allocations can be ended but not rewritten, and belong to one system and one subject. */
class CaseRecordsTest {
  private final CaseRecords records = new CaseRecords(new Names());

  private static Map<String, Object> allocation(String id, String subject, String worker,
      String from, String to) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "ALLOCATION");
    event.put("allocationId", id);
    event.put("subject", Map.of("id", subject));
    event.put("assignee", Map.of("worker", worker));
    event.put("from", from);
    if (to != null) {
      event.put("to", to);
    }
    return event;
  }

  /** Hands the records the {@code ALLOCATION} entry {@code seq} as the audit reads it. */
  private void allocate(long seq, String source, Map<String, Object> event) {
    records.allocation(seq, source,
        (io.accessledger.entries.Allocation) EventParser.parse(event));
  }

  /** Hands the records the {@code CASE_CLOSURE} entry {@code seq} as the audit reads it. */
  private void close(long seq, Map<String, Object> event) {
    Map<String, Object> closure = new LinkedHashMap<>(event);
    closure.put("type", "CASE_CLOSURE");
    records.closure(seq, (CaseClosure) EventParser.parse(closure));
  }

  private List<Allocation> of(String subject) {
    return records.about(view(99, "sw-1", null, subject, WORKING), policy()).allocations();
  }

  @Test
  void aLaterEntryCanEndAnAllocationOrEndItEarlierButNotMoveOrExtendOrReassignIt() {
    allocate(1, "cf", allocation("a-1", "child-1", "sw-1", "2026-02-01T00:00:00Z",
        "2026-03-20T00:00:00Z"));
    allocate(2, "cf", allocation("a-1", "child-1", "sw-7", "2026-01-01T00:00:00Z",
        "2026-04-20T00:00:00Z"));
    allocate(3, "cf", allocation("a-1", "child-1", "sw-7", "2026-01-01T00:00:00Z",
        null));
    assertThat(of("child-1")).singleElement().satisfies(a -> {
      assertThat(a.worker()).isEqualTo("sw-1");
      assertThat(a.from()).isEqualTo("2026-02-01T00:00:00Z");
      assertThat(a.to()).isEqualTo("2026-03-20T00:00:00Z");
      assertThat(a.seqs()).containsExactly(1L, 2L, 3L);
    });
    allocate(4, "cf", allocation("a-1", "child-1", "sw-1", "2026-02-01T00:00:00Z",
        "2026-03-10T00:00:00Z"));
    allocate(5, "cf", allocation("a-1", "child-1", "sw-1", "2026-02-01T00:00:00Z",
        "2025-01-01T00:00:00Z"));
    assertThat(of("child-1")).singleElement().satisfies(a -> {
      assertThat(a.to()).as("ended no earlier than it started").isEqualTo(a.from());
      assertThat(a.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    });
  }

  @Test
  void theSameIdFromAnotherSystemOrForAnotherSubjectIsAnotherAllocation() {
    allocate(1, "cf", allocation("a-1", "child-1", "sw-1", "2026-02-01T00:00:00Z",
        null));
    allocate(2, "other", allocation("a-1", "child-1", "sw-8", "2026-02-01T00:00:00Z",
        "2026-02-02T00:00:00Z"));
    allocate(3, "cf", allocation("a-1", "child-2", "sw-9", "2026-02-01T00:00:00Z",
        "2026-02-02T00:00:00Z"));
    assertThat(of("child-1")).extracting(Allocation::worker, Allocation::to)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("sw-1", null),
            org.assertj.core.groups.Tuple.tuple("sw-8", Instant.parse("2026-02-02T00:00:00Z")));
    assertThat(of("child-2")).extracting(Allocation::worker).containsExactly("sw-9");
  }

  @Test
  void anInvalidAllocationOrClosureIsIgnored() {
    Map<String, Object> noAssignee = allocation("a-1", "child-1", "sw-1", WORKING, null);
    noAssignee.remove("assignee");
    allocate(1, "cf", noAssignee);
    allocate(2, "cf", allocation("a-2", "child-1", "sw-1", "yesterday", null));
    Map<String, Object> noId = allocation("a-3", "child-1", "sw-1", WORKING, null);
    noId.put("allocationId", 3);
    allocate(3, "cf", noId);
    Map<String, Object> nobody = allocation("a-4", "child-1", "sw-1", WORKING, null);
    nobody.put("assignee", Map.of("worker", " "));
    allocate(6, "cf", nobody);
    close(4, Map.of("type", "CASE_CLOSURE", "occurredAt", "soon",
        "subject", Map.of("id", "child-1")));
    close(5, Map.of("type", "CASE_CLOSURE", "occurredAt", WORKING));
    CaseFacts facts = records.about(view(99, "sw-1", null, "child-1", WORKING), policy());
    assertThat(facts.allocations()).isEmpty();
    assertThat(facts.closures()).isEmpty();
  }

  @Test
  void closuresAreKeptBySubjectInLogOrderToTheMillisecond() {
    close(4, Map.of("occurredAt", "2026-01-02T00:00:00.000900Z",
        "subject", Map.of("id", "child-1")));
    close(7, Map.of("occurredAt", "2026-01-01T00:00:00Z",
        "subject", Map.of("id", "child-1")));
    close(8, Map.of("occurredAt", "2026-01-01T00:00:00Z",
        "subject", Map.of("id", "child-2")));
    assertThat(records.about(view(99, "sw-1", null, "child-1", WORKING), policy()).closures())
        .containsExactly(new Closure(Instant.parse("2026-01-02T00:00:00Z").toEpochMilli(), 4),
            new Closure(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), 7));
  }

  @Test
  void anAllocationPostedAfterAnEarlierLookUpIsSeen() {
    assertThat(of("child-1")).isEmpty();
    allocate(1, "cf", allocation("a-1", "child-1", "sw-1", "2026-02-01T00:00:00Z",
        null));
    assertThat(of("child-1")).hasSize(1);
  }
}
