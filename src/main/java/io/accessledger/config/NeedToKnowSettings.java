package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.audit.Rule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.Duration;
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
 * use. Every field has the contract's default, so the section may be left out; {@link #build}
 * makes the policy, checking what validation cannot (times, the zone against {@code ledger.zone},
 * the volume spike's thresholds).
 */
public class NeedToKnowSettings {
  @NotNull private List<Rule> rules = List.of(Rule.values());
  /** Team id to the team directly above it. */
  @NotNull private Map<String, String> teams = Map.of();
  @Valid @NotNull private WorkingHoursSettings workingHours = WorkingHoursSettings.contractDefaults();
  @NotNull private List<String> outOfHoursRota = List.of();
  @Min(value = 0, message = "must be 0 or more") private int afterClosureDays = 30;
  @Valid @NotNull private VolumeSpikeSettings volumeSpike = VolumeSpikeSettings.contractDefaults();
  @NotNull private List<String> restrictedSubjects = List.of();
  /** Staff actor id to the subject ids they are related to, with how (for SELF_OR_FAMILY). */
  @NotNull private Map<String, Map<String, String>> staffRelationships = Map.of();
  /** Stricter than the contract: an allocation recorded after a view does not explain it. */
  private boolean allocationsRecordedFirst = false;
  /** Stricter than the contract: a restricted subject's views need a by-name allocation. */
  private boolean restrictedByName = false;

  @JsonProperty
  public List<Rule> getRules() {
    return rules;
  }

  @JsonProperty
  public void setRules(List<Rule> rules) {
    this.rules = rules;
  }

  @JsonProperty
  public Map<String, String> getTeams() {
    return teams;
  }

  @JsonProperty
  public void setTeams(Map<String, String> teams) {
    this.teams = teams;
  }

  @JsonProperty
  public WorkingHoursSettings getWorkingHours() {
    return workingHours;
  }

  @JsonProperty
  public void setWorkingHours(WorkingHoursSettings workingHours) {
    this.workingHours = workingHours;
  }

  @JsonProperty
  public List<String> getOutOfHoursRota() {
    return outOfHoursRota;
  }

  @JsonProperty
  public void setOutOfHoursRota(List<String> outOfHoursRota) {
    this.outOfHoursRota = outOfHoursRota;
  }

  @JsonProperty
  public int getAfterClosureDays() {
    return afterClosureDays;
  }

  @JsonProperty
  public void setAfterClosureDays(int afterClosureDays) {
    this.afterClosureDays = afterClosureDays;
  }

  @JsonProperty
  public VolumeSpikeSettings getVolumeSpike() {
    return volumeSpike;
  }

  @JsonProperty
  public void setVolumeSpike(VolumeSpikeSettings volumeSpike) {
    this.volumeSpike = volumeSpike;
  }

  @JsonProperty
  public List<String> getRestrictedSubjects() {
    return restrictedSubjects;
  }

  @JsonProperty
  public void setRestrictedSubjects(List<String> restrictedSubjects) {
    this.restrictedSubjects = restrictedSubjects;
  }

  @JsonProperty
  public Map<String, Map<String, String>> getStaffRelationships() {
    return staffRelationships;
  }

  @JsonProperty
  public void setStaffRelationships(Map<String, Map<String, String>> staffRelationships) {
    this.staffRelationships = staffRelationships;
  }

  @JsonProperty
  public boolean isAllocationsRecordedFirst() {
    return allocationsRecordedFirst;
  }

  @JsonProperty
  public void setAllocationsRecordedFirst(boolean allocationsRecordedFirst) {
    this.allocationsRecordedFirst = allocationsRecordedFirst;
  }

  @JsonProperty
  public boolean isRestrictedByName() {
    return restrictedByName;
  }

  @JsonProperty
  public void setRestrictedByName(boolean restrictedByName) {
    this.restrictedByName = restrictedByName;
  }

  /**
   * The policy these settings describe, with working hours in {@code zone}. Call on validated
   * settings; what validation leaves unchecked is checked here.
   *
   * @param zone the service's time zone ({@code ledger.zone})
   * @throws IllegalArgumentException naming the setting that is wrong, including a
   *     {@code workingHours.zone} that is not {@code zone}
   */
  public NeedToKnowPolicy build(ZoneId zone) {
    try {
      WorkingHoursSettings hours = workingHours;
      if (hours.getZone() != null && !ZoneId.of(hours.getZone()).equals(zone)) {
        throw new IllegalArgumentException("needToKnow.workingHours.zone is "
            + hours.getZone() + " but ledger.zone is " + zone + "; the service has one time"
            + " zone: leave needToKnow.workingHours.zone out (it follows ledger.zone) or set"
            + " ledger.zone");
      }
      Map<String, Map<String, String>> relationships = new HashMap<>();
      staffRelationships.forEach((staff, subjects) -> {
        Map<String, String> related = new LinkedHashMap<>();
        subjects.forEach((subject, how) -> related.put(subject, how == null ? "related" : how));
        relationships.put(staff, related);
      });
      return new NeedToKnowPolicy(rules.isEmpty() ? Set.of() : EnumSet.copyOf(rules), teams,
          zone, LocalTime.parse(hours.getStart()), LocalTime.parse(hours.getEnd()),
          Set.copyOf(hours.getDays()),
          hours.getHolidays() == null ? Set.of() : Set.copyOf(hours.getHolidays()),
          Set.copyOf(outOfHoursRota), Duration.ofDays(afterClosureDays),
          volumeSpike.getMinSubjects(), volumeSpike.minSubjectsPerDayOrDefault(),
          volumeSpike.getFactor(), Set.copyOf(restrictedSubjects),
          relationships, allocationsRecordedFirst, restrictedByName);
    } catch (DateTimeException | NullPointerException e) {
      throw new IllegalArgumentException("needToKnow: " + e.getMessage(), e);
    }
  }
}
