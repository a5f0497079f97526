package io.accessledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.View;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored view is read once into what the rules need; one of the wrong shape is never an error. */
class ViewEntryTest {
  private static final String WORKING = "2026-03-03T10:00:00Z";
  private static final Instant AT = Instant.parse(WORKING);
  private final Names names = new Names();

  private ViewEntry read(Map<String, Object> event) {
    Map<String, Object> view = new LinkedHashMap<>(event);
    view.put("type", "VIEW");
    view.putIfAbsent("occurredAt", WORKING);
    return ViewEntry.of(3, (View) EventParser.parse(view), names);
  }

  @Test
  void aViewIsReadWithItsViewerSubjectRecordAndBreakGlass() {
    ViewEntry view = read(Map.of(
        "actor", Map.of("id", "sw-1", "role", "social-worker", "team", "north-cin"),
        "subject", Map.of("id", "child-1"), "record", Map.of("type", "case-note", "id", "n-1"),
        "breakGlass", true, "reason", "police at the door"));
    assertThat(view).isEqualTo(new ViewEntry(3, "sw-1", "social-worker", "north-cin", "child-1",
        "case-note/n-1", AT, true, "police at the door"));
  }

  @Test
  void aViewWithoutAViewerASubjectIdOrATimeIsUnreadable() {
    assertThat(read(Map.of("actor", Map.of("role", "x"), "subject", Map.of("id", "c")))).isNull();
    assertThat(read(Map.of("actor", Map.of("id", 7L), "subject", Map.of("id", "c")))).isNull();
    assertThat(read(Map.of("actor", Map.of("id", " "), "subject", Map.of("id", "c")))).isNull();
    assertThat(read(Map.of("actor", Map.of("id", "sw-1"), "subject", "c"))).isNull();
    assertThat(read(Map.of("actor", Map.of("id", "sw-1"), "subject", Map.of("id", "c"),
        "occurredAt", "2026-03-03 10:00"))).isNull();
  }

  @Test
  void optionalPartsOfTheWrongShapeReadAsAbsent() {
    ViewEntry view = read(Map.of("actor", Map.of("id", "sw-1", "team", 5),
        "subject", Map.of("id", "c"), "record", "n-1", "breakGlass", "true", "reason", 1));
    assertThat(view.team()).isNull();
    assertThat(view.record()).isEqualTo("null/null");
    assertThat(view.breakGlass()).as("only the JSON true").isFalse();
    assertThat(view.reason()).isNull();
  }

  @Test
  void eachDistinctNameIsKeptOnce() {
    ViewEntry first = read(Map.of("actor", Map.of("id", new String("sw-1")),
        "subject", Map.of("id", new String("c"))));
    ViewEntry second = read(Map.of("actor", Map.of("id", new String("sw-1")),
        "subject", Map.of("id", new String("c"))));
    assertThat(second.actor()).isSameAs(first.actor());
    assertThat(second.subject()).isSameAs(first.subject());
    assertThat(names.keep(null)).isNull();
  }
}
