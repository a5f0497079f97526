package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.ledger.writer.SequencerSettings;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.SettableClock;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerActivityTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void countsEntriesPerLocalDayAndKeepsRunsAndTheLatestReviewOfTheLedgersOwnEntriesOnly(
      @TempDir Path dir) {
    SettableClock clock = new SettableClock(Instant.parse("2026-03-01T23:30:00Z"));
    try (LedgerStore store = TestLedger.openStore(dir.resolve("ledger.db"));
        Sequencer sequencer = Sequencer.start(store, TestLedger.signer(1), clock,
            SequencerSettings.defaults())) {
      AuditTrail trail = new AuditTrail(sequencer, clock);
      LedgerActivity activity = new LedgerActivity(store, LONDON);
      append(sequencer, TestLedger.prepared("v-1", "child-1", "sw-1"));
      append(sequencer, TestLedger.prepared("v-2", "child-2", "sw-1"));
      long run = trail.record("dpo", "auditor", NeedToKnowAudits.PATH,
          Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-03-01T00:00:00Z")).seq();
      trail.record("dpo", "auditor", "/v1/subjects/child-1/events", Map.of());
      activity.catchUp(sequencer.latestCheckpoint().size());
      assertThat(activity.read()).isEqualTo(4);

      // 23:30 UTC on 31 March is 00:30 on 1 April in London (summer time).
      clock.set(Instant.parse("2026-03-31T23:30:00Z"));
      append(sequencer, PreparedEvent.of(review("NOT_ALLOCATED-0", run, "UNEXPLAINED"), "ledger"));
      append(sequencer, PreparedEvent.of(review("NOT_ALLOCATED-0", run, "EXPLAINED"), "ledger"));
      append(sequencer, PreparedEvent.of(review("NOT_ALLOCATED-1", run, "UPHELD"), "carefirst"));
      append(sequencer, TestLedger.identified(auditQuery(), "carefirst"));
      activity.catchUp(sequencer.latestCheckpoint().size());

      assertThat(activity.entriesPerDay(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)))
          .containsEntry(LocalDate.of(2026, 3, 1), 4L)
          .containsEntry(LocalDate.of(2026, 3, 2), 0L)
          .containsEntry(LocalDate.of(2026, 4, 1), 4L)
          .hasSize(32);
      assertThat(activity.latestRuns(5)).singleElement().satisfies(r -> {
        assertThat(r.seq()).isEqualTo(run);
        assertThat(r.client()).isEqualTo("dpo");
        assertThat(r.from()).isEqualTo("2026-02-01T00:00:00Z");
      });
      assertThat(activity.latestReview("NOT_ALLOCATED-0")).get().satisfies(r -> {
        assertThat(r.outcome()).as("the latest").isEqualTo("EXPLAINED");
        assertThat(r.reviewer()).isEqualTo("dpo");
        assertThat(r.seq()).isEqualTo(5);
      });
      assertThat(activity.latestReview("NOT_ALLOCATED-1")).as("posted by a records system")
          .isEmpty();
      assertThat(activity.lastReceived()).isEqualTo(Instant.parse("2026-03-31T23:30:00Z"));
    }
  }

  private static void append(Sequencer sequencer, PreparedEvent event) {
    sequencer.append(event).join();
  }

  private static Map<String, Object> review(String finding, long audit, String outcome) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "REVIEW");
    event.put("eventId", "review-" + finding + outcome);
    event.put("occurredAt", "2026-03-31T23:30:00.000Z");
    event.put("actor", Map.of("id", "dpo", "role", "auditor"));
    event.put("audit", Map.of("seq", audit));
    event.put("finding", finding);
    event.put("rule", "NOT_ALLOCATED");
    event.put("outcome", outcome);
    event.put("note", "checked");
    event.put("reviewed", Map.of("seq", 0));
    event.put("concerning", Map.of("staff", "sw-1"));
    return event;
  }

  private static Map<String, Object> auditQuery() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "AUDIT_QUERY");
    event.put("eventId", "fake-run");
    event.put("occurredAt", "2026-03-31T23:30:00.000Z");
    event.put("actor", Map.of("id", "intruder"));
    event.put("query", Map.of("path", NeedToKnowAudits.PATH, "parameters", Map.of()));
    return event;
  }
}
