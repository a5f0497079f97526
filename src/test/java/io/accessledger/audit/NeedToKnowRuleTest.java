package io.accessledger.audit;

import static io.accessledger.audit.AuditFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One class per rule, and the policy's rules are the ones that run. */
class NeedToKnowRuleTest {
  @Test
  void everyRuleHasItsOwnClass() {
    for (Rule rule : Rule.values()) {
      assertThat(NeedToKnowRule.of(rule, policy()).rule()).isEqualTo(rule);
    }
    assertThat(NeedToKnowRule.configured(policy())).extracting(NeedToKnowRule::rule)
        .containsExactly(Rule.values());
  }

  @Test
  void onlyTheRulesThePolicyTurnsOnRunInTheOrderOfTheRules() {
    NeedToKnowPolicy some = new NeedToKnowPolicy(
        Set.of(Rule.SELF_OR_FAMILY, Rule.NOT_ALLOCATED, Rule.VOLUME_SPIKE), Map.of(),
        ZoneId.of("UTC"), LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of(), Duration.ZERO, 1, 1, 1, Set.of(),
        Map.of(), false, false);
    assertThat(NeedToKnowRule.configured(some)).extracting(NeedToKnowRule::rule)
        .containsExactly(Rule.NOT_ALLOCATED, Rule.VOLUME_SPIKE, Rule.SELF_OR_FAMILY);
  }
}
