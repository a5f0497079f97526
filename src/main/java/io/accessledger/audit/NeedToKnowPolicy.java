package io.accessledger.audit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the need-to-know audit checks and against what: the rules turned on, the team hierarchy,
 * working hours and the out-of-hours rota, the closure grace period, the volume-spike thresholds,
 * the restricted subjects and the staff-to-subject relationships. Immutable.
 *
 * @param rules the rules that run
 * @param parentTeams team id to the team directly above it (a manager's team sees its teams' cases)
 * @param zone the zone working hours and clock hours are read in
 * @param dayStart start of the working day, inclusive
 * @param dayEnd end of the working day, exclusive
 * @param workingDays the days with working hours
 * @param holidays dates with no working hours (bank holidays), in the zone
 * @param rota actor ids on the out-of-hours rota
 * @param afterClosure how long after a closure a view is still expected
 * @param spikeMinSubjects the fewest distinct subjects in one hour that can be a spike
 * @param spikeMinSubjectsPerDay the fewest distinct subjects in one day that can be a spike
 * @param spikeFactor how many times the viewer's and their role's median an hour (or a day) must
 *     exceed
 * @param restrictedSubjects subject ids whose views need an allocation to be explained
 * @param relationships actor id to the subject ids (and how they are related) of their own family
 * @param allocationsRecordedFirst whether an allocation explains only views recorded after it
 *     (stricter than the contract, which judges by the allocation's stated times alone)
 * @param restrictedByName whether a restricted subject's views need the viewer allocated by name
 *     (stricter than the contract, for which any explaining allocation will do)
 */
public record NeedToKnowPolicy(
    Set<Rule> rules,
    Map<String, String> parentTeams,
    ZoneId zone,
    LocalTime dayStart,
    LocalTime dayEnd,
    Set<DayOfWeek> workingDays,
    Set<LocalDate> holidays,
    Set<String> rota,
    Duration afterClosure,
    int spikeMinSubjects,
    int spikeMinSubjectsPerDay,
    double spikeFactor,
    Set<String> restrictedSubjects,
    Map<String, Map<String, String>> relationships,
    boolean allocationsRecordedFirst,
    boolean restrictedByName) {

  public NeedToKnowPolicy {
    rules = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
    parentTeams = Map.copyOf(parentTeams);
    Objects.requireNonNull(zone, "zone");
    if (!dayStart.isBefore(dayEnd)) {
      throw new IllegalArgumentException("working hours must start before they end: " + dayStart
          + " to " + dayEnd);
    }
    workingDays = Set.copyOf(workingDays);
    holidays = Set.copyOf(holidays);
    rota = Set.copyOf(rota);
    if (afterClosure.isNegative()) {
      throw new IllegalArgumentException("the after-closure period must not be negative");
    }
    if (spikeMinSubjects < 1 || spikeMinSubjectsPerDay < 1 || !(spikeFactor >= 1)) {
      throw new IllegalArgumentException("a volume spike needs at least 1 subject an hour and a"
          + " day and a factor of at least 1, got " + spikeMinSubjects + ", "
          + spikeMinSubjectsPerDay + " and " + spikeFactor);
    }
    restrictedSubjects = Set.copyOf(restrictedSubjects);
    relationships = Map.copyOf(relationships);
    for (String team : parentTeams.keySet()) {
      String seen = team;
      for (int depth = 0; seen != null; depth++) {
        if (depth > parentTeams.size()) {
          throw new IllegalArgumentException("the team hierarchy has a cycle through " + team);
        }
        seen = parentTeams.get(seen);
      }
    }
  }

  /**
   * The contract's defaults: every rule, 08:00-18:00 in {@code zone} (the service's
   * {@code ledger.zone}) Monday to Friday, 30 days, 20 subjects an hour and 3x; and 100 subjects a
   * day.
   */
  public static NeedToKnowPolicy defaults(ZoneId zone) {
    return new NeedToKnowPolicy(EnumSet.allOf(Rule.class), Map.of(), zone,
        LocalTime.of(8, 0), LocalTime.of(18, 0),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), Set.of(), Duration.ofDays(30),
        20, 100,
        3.0,
        Set.of(), Map.of(), false, false);
  }

  /** Whether {@code team} is {@code allocated} or a team above it in the hierarchy. */
  public boolean teamCovers(String team, String allocated) {
    for (String at = allocated; at != null; at = parentTeams.get(at)) {
      if (at.equals(team)) {
        return true;
      }
    }
    return false;
  }
}
