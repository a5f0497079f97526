package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.audit.Rule;
import io.accessledger.query.LedgerActivity.ReviewState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindingFilterTest {
  private static final AuditResult.Row ROW = new AuditResult.Row("NOT_ALLOCATED-4",
      "NOT_ALLOCATED", "why", "sw-9", "south cin", "child-1", List.of(4L, 1L));
  private static final Optional<ReviewState> UPHELD = Optional.of(
      new ReviewState(9, "NOT_ALLOCATED-4", 5, "UPHELD", "note", "dpo", null));

  @Test
  void blankIsAnyAndEachPartNarrows() {
    FindingFilter any = FindingFilter.parse("", null, " ");
    assertThat(any).isEqualTo(FindingFilter.NONE);
    assertThat(any.any()).isFalse();
    assertThat(any.shows(ROW, Optional.empty())).isTrue();
    assertThat(FindingFilter.parse("NOT_ALLOCATED", "south cin", "new")
        .shows(ROW, Optional.empty())).isTrue();
    assertThat(FindingFilter.parse("BREAK_GLASS", null, null).shows(ROW, Optional.empty()))
        .isFalse();
    assertThat(FindingFilter.parse(null, "north", null).shows(ROW, Optional.empty())).isFalse();
    assertThat(FindingFilter.parse(null, null, "new").shows(ROW, UPHELD)).isFalse();
    assertThat(FindingFilter.parse(null, null, "UPHELD").shows(ROW, UPHELD)).isTrue();
    assertThat(FindingFilter.stateOf(UPHELD)).isEqualTo("UPHELD");
    assertThat(FindingFilter.stateOf(Optional.empty())).isEqualTo("new");
  }

  @Test
  void itsQueryIsEncodedAndRefusesWhatThePageDoesNotOffer() {
    assertThat(FindingFilter.parse("NOT_ALLOCATED", "a&b c", "new").query())
        .isEqualTo("&rule=NOT_ALLOCATED&team=a%26b+c&state=new");
    assertThat(FindingFilter.NONE.query()).isEmpty();
    assertThatThrownBy(() -> FindingFilter.parse("nosy", null, null)).hasMessageContaining("(rule)");
    assertThatThrownBy(() -> FindingFilter.parse(null, null, "CLOSED"))
        .hasMessageContaining("(state)");
    assertThatThrownBy(() -> FindingFilter.parse(null, "x".repeat(201), null))
        .hasMessageContaining("(team)");
  }

  @Test
  void everyRuleHasWordsForTheDpo() {
    for (Rule rule : Rule.values()) {
      assertThat(RuleGuide.titleOf(rule.name())).as(rule.name()).isNotEqualTo(rule.name());
      assertThat(RuleGuide.explanationOf(rule.name())).as(rule.name()).isNotBlank();
    }
  }
}
