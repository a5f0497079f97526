package io.accessledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.audit.Rule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code needToKnow:} section of config.yml: the need-to-know audit's rules and the facts they
 * use. Every field has the contract's default, so the section may be left out.
 */
public class NeedToKnowSettings {
  /**
   * Working hours: the start and end of the day, the working days, and the holidays (dates,
   * YYYY-MM-DD) that have none. They are in {@code ledger.zone}; {@code zone} may be left out
   * (null), and if given must name that same zone: the service has one time zone, so that an
   * out-of-hours finding and the registers and reports beside it never disagree about a day.
   */
  public record WorkingHours(
      @JsonProperty("zone") String zone,
      @JsonProperty("start") String start,
      @JsonProperty("end") String end,
      @JsonProperty("days") List<DayOfWeek> days,
      @JsonProperty("holidays") List<LocalDate> holidays) {}

  /**
   * A volume spike: at least {@code minSubjects} in an hour (or {@code minSubjectsPerDay} in a
   * day), and more than {@code factor} times usual.
   */
  public record VolumeSpike(
      @JsonProperty("minSubjects") int minSubjects,
      @JsonProperty("minSubjectsPerDay") Integer minSubjectsPerDay,
      @JsonProperty("factor") double factor) {}

  @JsonProperty public List<Rule> rules = List.of(Rule.values());
  /** Team id to the team directly above it. */
  @JsonProperty public Map<String, String> teams = Map.of();
  @JsonProperty public WorkingHours workingHours = new WorkingHours(null, "08:00",
      "18:00", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of());
  @JsonProperty public List<String> outOfHoursRota = List.of();
  @JsonProperty public int afterClosureDays = 30;
  @JsonProperty public VolumeSpike volumeSpike = new VolumeSpike(20, 100, 3.0);
  @JsonProperty public List<String> restrictedSubjects = List.of();
  /** Staff actor id to the subject ids they are related to, with how (for SELF_OR_FAMILY). */
  @JsonProperty public Map<String, Map<String, String>> staffRelationships = Map.of();
  /** Stricter than the contract: an allocation recorded after a view does not explain it. */
  @JsonProperty public boolean allocationsRecordedFirst = false;
  /** Stricter than the contract: a restricted subject's views need a by-name allocation. */
  @JsonProperty public boolean restrictedByName = false;

  /**
   * The policy these settings describe, with working hours in {@code zone}.
   *
   * @param zone the service's time zone ({@code ledger.zone})
   * @throws IllegalArgumentException naming the setting that is wrong, including a
   *     {@code workingHours.zone} that is not {@code zone}
   */
  public NeedToKnowPolicy build(ZoneId zone) {
    try {
      if (workingHours.zone() != null && !ZoneId.of(workingHours.zone()).equals(zone)) {
        throw new IllegalArgumentException("needToKnow.workingHours.zone is "
            + workingHours.zone() + " but ledger.zone is " + zone + "; the service has one time"
            + " zone: leave needToKnow.workingHours.zone out (it follows ledger.zone) or set"
            + " ledger.zone");
      }
      Map<String, Map<String, String>> relationships = new HashMap<>();
      staffRelationships.forEach((staff, subjects) -> {
        Map<String, String> related = new LinkedHashMap<>();
        subjects.forEach((subject, how) -> related.put(subject, how == null ? "related" : how));
        relationships.put(staff, related);
      });
      if (afterClosureDays < 0) {
        throw new IllegalArgumentException("needToKnow.afterClosureDays must be 0 or more");
      }
      return new NeedToKnowPolicy(rules.isEmpty() ? Set.of() : EnumSet.copyOf(rules), teams,
          zone, LocalTime.parse(workingHours.start()),
          LocalTime.parse(workingHours.end()), Set.copyOf(workingHours.days()),
          workingHours.holidays() == null ? Set.of() : Set.copyOf(workingHours.holidays()),
          Set.copyOf(outOfHoursRota), Duration.ofDays(afterClosureDays),
          volumeSpike.minSubjects(),
          volumeSpike.minSubjectsPerDay() == null ? 100 : volumeSpike.minSubjectsPerDay(),
          volumeSpike.factor(), Set.copyOf(restrictedSubjects),
          relationships, allocationsRecordedFirst, restrictedByName);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("needToKnow: " + e.getMessage(), e);
    }
  }
}
