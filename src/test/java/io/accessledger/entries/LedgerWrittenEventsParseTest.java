package io.accessledger.entries;

import static io.accessledger.entries.Samples.object;
import static io.accessledger.entries.Samples.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The four types the ledger writes itself, each read from a valid leaf and from odd ones. */
class LedgerWrittenEventsParseTest {
  @Test
  void anExtractSubject() {
    ExtractSubject subject = parsed(5);
    assertThat(subject.release()).isEqualTo(4L);
    assertThat(subject.subject()).isEqualTo("child-7788");
    assertThat(subject.header().eventId()).isEqualTo("ig:extract:wwcsc-2026-01#1");
    ExtractSubject odd = parsed(5, event -> {
      event.put("release", "4");
      event.remove("subject");
    });
    assertThat(odd.release()).isNull();
    assertThat(odd.subject()).isNull();
  }

  @Test
  void anAuditQueryKeepsItsParametersVerbatimAndInOrder() {
    AuditQuery query = parsed(11);
    assertThat(query.header().actor())
        .isEqualTo(new Person("ico-case-7", Optional.of("investigator"), Optional.empty(),
            Optional.empty()));
    assertThat(query.path()).isEqualTo("/v1/subjects/child-7788/events");
    assertThat(query.parameters()).containsExactly(Map.entry("from", "2026-01-01T00:00:00Z"),
        Map.entry("type", "VIEW"));
    assertThat(query.parameters()).hasToString("{from=2026-01-01T00:00:00Z, type=VIEW}");

    AuditQuery blank = parsed(11, event ->
        object(object(event, "query"), "parameters").put("type", " "));
    assertThat(blank.parameters()).as("a parameter is data: blank is what was asked")
        .containsEntry("type", " ");
    AuditQuery odd = parsed(11, event -> object(event, "query").put("parameters",
        Map.of("limit", 5L)));
    assertThat(odd.parameters()).isEmpty();
    AuditQuery none = parsed(11, event -> event.remove("query"));
    assertThat(none.path()).isNull();
    assertThat(none.parameters()).isEmpty();
  }

  @Test
  void aReview() {
    Review review = parsed(12);
    assertThat(review).isEqualTo(new Review(review.header(), 11L, "f-1", "BREAK_GLASS",
        "EXPLAINED", "Called out by the police", 1L, "edt-9", Optional.of("child-7788")));
    assertThat(review.header().actor().role()).contains("auditor");
    Review aboutStaffOnly = parsed(12, event ->
        object(event, "concerning").remove("subject"));
    assertThat(aboutStaffOnly.concerningSubject()).isEmpty();
    Review odd = parsed(12, event -> {
      event.put("audit", 11L);
      event.put("reviewed", Map.of("seq", "1"));
      event.put("note", " ");
    });
    assertThat(odd.audit()).isNull();
    assertThat(odd.reviewed()).isNull();
    assertThat(odd.note()).isNull();
  }

  @Test
  void aMaintenanceEntry() {
    Maintenance maintenance = parsed(13);
    assertThat(maintenance.action()).isEqualTo("APPEND_ONLY_TRIGGERS_RECREATED");
    assertThat(maintenance.triggers())
        .containsExactly(new Trigger("leaves_no_update", "MISSING"));
    assertThat(maintenance.header().actor()).isEqualTo(Person.NONE);
    Maintenance odd = parsed(13, event -> event.put("triggers",
        List.of("leaves_no_update", Map.of("name", "x"))));
    assertThat(odd.triggers()).containsExactly(new Trigger("x", null));
  }
}
