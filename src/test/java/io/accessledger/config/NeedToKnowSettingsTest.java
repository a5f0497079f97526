package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.audit.Rule;
import io.accessledger.support.Configs;
import io.dropwizard.configuration.ConfigurationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code needToKnow:} section: validated as config.yml is read, then built into the policy. */
class NeedToKnowSettingsTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static NeedToKnowPolicy policy(String section) throws Exception {
    return Configs.yaml(section).getNeedToKnow().build(LONDON);
  }

  @Test
  void theShippedSectionIsTheContractsDefaults() throws Exception {
    assertThat(Configs.shipped(Map.of()).getNeedToKnow().build(LONDON))
        .isEqualTo(NeedToKnowPolicy.defaults(LONDON));
  }

  @Test
  void leftOutOrEmptyTheSectionIsTheContractsDefaults() throws Exception {
    assertThat(policy("localLegalBases: []\n")).isEqualTo(NeedToKnowPolicy.defaults(LONDON));
    assertThat(policy("needToKnow:\n")).isEqualTo(NeedToKnowPolicy.defaults(LONDON));
  }

  @Test
  void everySettingIsBuiltIntoThePolicy() throws Exception {
    NeedToKnowPolicy policy = policy("""
        needToKnow:
          rules: [NOT_ALLOCATED, OUT_OF_HOURS]
          teams: {north-cin: north-area}
          workingHours: {start: "09:00", end: "17:30", days: [MONDAY], holidays: [2026-12-25]}
          outOfHoursRota: [edt-1]
          afterClosureDays: 0
          volumeSpike: {minSubjects: 5, factor: 2.5}
          restrictedSubjects: [child-vip]
          staffRelationships: {sw-2: {child-own: "the child", child-niece: null}}
          allocationsRecordedFirst: true
          restrictedByName: true
        """);
    assertThat(policy).isEqualTo(new NeedToKnowPolicy(
        Set.of(Rule.NOT_ALLOCATED, Rule.OUT_OF_HOURS), Map.of("north-cin", "north-area"), LONDON,
        LocalTime.of(9, 0), LocalTime.of(17, 30), Set.of(DayOfWeek.MONDAY),
        Set.of(LocalDate.of(2026, 12, 25)), Set.of("edt-1"), Duration.ZERO,
        5, 100, 2.5, Set.of("child-vip"),
        Map.of("sw-2", Map.of("child-own", "the child", "child-niece", "related")), true, true));
  }

  @Test
  void aSettingGivenAsNothingStopsTheStartNamingIt() {
    for (String field : new String[] {"rules", "teams", "workingHours", "outOfHoursRota",
        "volumeSpike", "restrictedSubjects", "staffRelationships"}) {
      assertThatThrownBy(() -> Configs.yaml("needToKnow:\n  " + field + ":\n"))
          .as(field)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("needToKnow." + field + " must not be null");
    }
  }

  @Test
  void workingHoursGivenReplaceTheDefaultWholeSoTheirTimesAndDaysMustBeGiven() {
    assertThatThrownBy(() -> Configs.yaml("needToKnow:\n  workingHours: {start: \"09:00\"}\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("needToKnow.workingHours.end must not be null")
        .hasMessageContaining("needToKnow.workingHours.days must not be null");
  }

  @Test
  void aNegativeAfterClosurePeriodStopsTheStartNamingIt() {
    assertThatThrownBy(() -> Configs.yaml("needToKnow:\n  afterClosureDays: -1\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("needToKnow.afterClosureDays must be 0 or more");
  }

  @Test
  void whatValidationCannotSeeIsRefusedWhenThePolicyIsBuilt() {
    assertThatThrownBy(() -> policy("""
        needToKnow:
          workingHours: {start: "8am", end: "18:00", days: [MONDAY]}
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("needToKnow: Text '8am' could not be parsed");
    assertThatThrownBy(() -> policy("""
        needToKnow:
          workingHours: {start: "18:00", end: "08:00", days: [MONDAY]}
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("working hours must start before they end: 18:00 to 08:00");
    assertThatThrownBy(() -> policy("needToKnow:\n  volumeSpike: {minSubjects: 5, factor: 0.5}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a volume spike needs at least 1 subject an hour and a day and a"
            + " factor of at least 1, got 5, 100 and 0.5");
  }
}
