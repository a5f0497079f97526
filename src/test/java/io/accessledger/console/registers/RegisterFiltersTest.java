package io.accessledger.console.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The register form's fields read into the API's parameters, checked as the API checks them. */
class RegisterFiltersTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static RegisterFilters read(RegisterKind kind, String... pairs) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return RegisterFilters.read(kind, query, LONDON);
  }

  @Test
  void wholeDaysInTheZoneBecomeTheApisInstantsTheLastDayIncluded() {
    RegisterFilters summer = read(RegisterKind.EXTRACTS, "from", "2025-06-01", "to", "2025-06-30");
    assertThat(summer.api()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "from", "2025-05-31T23:00:00Z", "to", "2025-06-30T23:00:00Z"));
    assertThat(read(RegisterKind.SHARES, "from", "2026-03-29", "to", "2026-03-29").api())
        .as("the day the clocks go forward is 23 hours long")
        .containsEntry("from", "2026-03-29T00:00:00Z").containsEntry("to", "2026-03-29T23:00:00Z");
  }

  @Test
  void emptyFieldsAreFiltersNotGivenAndTextIsTrimmed() {
    RegisterFilters filters = read(RegisterKind.SHARES, "from", "", "flagged", "", "recipient",
        "  Police ", "decision", "SHARE");
    assertThat(filters.api()).containsExactlyInAnyOrderEntriesOf(
        Map.of("recipient", "Police", "decision", "SHARE"));
    assertThat(filters.request().decision()).isEqualTo("SHARE");
    assertThat(filters.entered()).containsEntry("from", "").containsEntry("recipient", "Police");
    assertThat(filters.query()).isEqualTo("decision=SHARE&recipient=Police");
  }

  @Test
  void aRefusalNamesTheFieldAtFault() {
    assertThatThrownBy(() -> read(RegisterKind.SHARES, "grounds", "CURIOSITY"))
        .isInstanceOfSatisfying(RegisterFilters.BadFilter.class,
            bad -> assertThat(bad.field()).isEqualTo("grounds"))
        .hasMessageStartingWith("grounds must be one of [SERIOUS_HARM_RISK,");
    assertThatThrownBy(() -> read(RegisterKind.EXTRACTS, "to", "2025-13-01"))
        .isInstanceOfSatisfying(RegisterFilters.BadFilter.class,
            bad -> assertThat(bad.field()).isEqualTo("to"));
    assertThatThrownBy(() -> read(RegisterKind.EXTRACTS, "grounds", "COURT_ORDER"))
        .isInstanceOfSatisfying(RegisterFilters.BadFilter.class,
            bad -> assertThat(bad.field()).isNull())
        .hasMessageContaining("its filters are [agreement, flagged, from, recipient, to]");
  }
}
