package io.accessledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stored event of the wrong shape reads as nothing, never as an error. */
class EventReaderTest {
  private static final Instant AT = Instant.parse("2026-03-03T10:00:00Z");
  private final EventReader reader = new EventReader();

  @Test
  void aViewIsReadWithItsViewerSubjectRecordAndBreakGlass() {
    ViewEntry view = reader.view(3, AT, Map.of(
        "actor", Map.of("id", "sw-1", "role", "social-worker", "team", "north-cin"),
        "subject", Map.of("id", "child-1"), "record", Map.of("type", "case-note", "id", "n-1"),
        "breakGlass", true, "reason", "police at the door"));
    assertThat(view).isEqualTo(new ViewEntry(3, "sw-1", "social-worker", "north-cin", "child-1",
        "case-note/n-1", AT, true, "police at the door"));
  }

  @Test
  void aViewWithoutAViewerOrASubjectIdIsUnreadable() {
    assertThat(reader.view(3, AT, Map.of("actor", Map.of("role", "x"),
        "subject", Map.of("id", "c")))).isNull();
    assertThat(reader.view(3, AT, Map.of("actor", Map.of("id", 7L),
        "subject", Map.of("id", "c")))).isNull();
    assertThat(reader.view(3, AT, Map.of("actor", Map.of("id", "sw-1"),
        "subject", "c"))).isNull();
  }

  @Test
  void optionalPartsOfTheWrongShapeReadAsAbsent() {
    ViewEntry view = reader.view(3, AT, Map.of("actor", Map.of("id", "sw-1", "team", 5),
        "subject", Map.of("id", "c"), "record", "n-1", "breakGlass", "true", "reason", 1));
    assertThat(view.team()).isNull();
    assertThat(view.record()).isEqualTo("null/null");
    assertThat(view.breakGlass()).as("only the JSON true").isFalse();
    assertThat(view.reason()).isNull();
  }

  @Test
  void idsAndInstantsOfTheWrongShapeAreNull() {
    assertThat(EventReader.id(Map.of("id", 1))).isNull();
    assertThat(EventReader.id("child-1")).isNull();
    assertThat(EventReader.instant("2026-03-03 10:00")).isNull();
    assertThat(EventReader.instant(12L)).isNull();
    assertThat(EventReader.instant("2026-03-03T10:00:00Z")).isEqualTo(AT);
  }

  @Test
  void eachDistinctNameIsKeptOnce() {
    String first = reader.name(new String("sw-1"));
    assertThat(reader.name(new String("sw-1"))).isSameAs(first);
    assertThat(reader.name(1)).isNull();
  }
}
