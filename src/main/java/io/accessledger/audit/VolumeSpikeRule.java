package io.accessledger.audit;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code VOLUME_SPIKE}, over clock hours and over days (in the policy's zone): a viewer opening
 * at least {@code spikeMinSubjects} distinct subjects in one hour (or {@code
 * spikeMinSubjectsPerDay} in one day), and more than {@code spikeFactor} times both their own
 * median for an active hour (or day) (their other active ones in the period; none counts as 0)
 * and their role's median (every active hour, or day, of every viewer with the same
 * {@code actor.role}). A day counts only the views outside its spiked hours: a spike within one
 * hour is already a finding, and the day rule is for access spread across a day.
 */
final class VolumeSpikeRule implements NeedToKnowRule {
  private final NeedToKnowPolicy policy;

  VolumeSpikeRule(NeedToKnowPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Rule rule() {
    return Rule.VOLUME_SPIKE;
  }

  /** One viewer's window (an hour or a day): the distinct subjects opened, and the views. */
  private static final class Window {
    final String actor;
    final String role;
    final ZonedDateTime start;
    final Set<String> subjects = new HashSet<>();
    final List<Long> seqs = new ArrayList<>();
    double ownMedian;
    double roleMedian;

    Window(String actor, String role, ZonedDateTime start) {
      this.actor = actor;
      this.role = role;
      this.start = start;
    }
  }

  /** The hour spikes, in order of first view, then the day spikes, in order of first view. */
  @Override
  public List<Finding> overPeriod(List<ViewEntry> views) {
    List<Finding> findings = new ArrayList<>();
    // Hours are cut on the zoned clock with its offset, so the repeated hour when the clocks go
    // back is two hours, not one.
    List<Window> hours = spikes(views, at -> at.truncatedTo(ChronoUnit.HOURS), v -> true,
        policy.spikeMinSubjects());
    Set<Long> inSpikedHours = new HashSet<>();
    Set<String> spikedDays = new HashSet<>();
    for (Window hour : hours) {
      inSpikedHours.addAll(hour.seqs);
      spikedDays.add(hour.actor + "\u0000" + hour.start.toLocalDate());
      findings.add(finding(hour, "between " + hour.start.toOffsetDateTime() + " and "
              + hour.start.plusHours(1).toOffsetDateTime(), "an active hour",
          policy.spikeMinSubjects() + " in an hour"));
    }
    // A day counts what its spiked hours do not already report, so 25 subjects in one hour and
    // 400 across the rest of the day are two findings, not one.
    for (Window day : spikes(views, at -> at.toLocalDate().atStartOfDay(at.getZone()),
        v -> !inSpikedHours.contains(v.seq()), policy.spikeMinSubjectsPerDay())) {
      LocalDate date = day.start.toLocalDate();
      findings.add(finding(day, "on " + date
              + (spikedDays.contains(day.actor + "\u0000" + date) ? " (besides its spiked hours)"
                  : ""),
          "an active day", policy.spikeMinSubjectsPerDay() + " in a day"));
    }
    return findings;
  }

  private Finding finding(Window window, String when, String unit, String floor) {
    List<Long> seqs = new ArrayList<>(window.seqs);
    return new Finding(Rule.VOLUME_SPIKE + "-" + seqs.get(0), Rule.VOLUME_SPIKE,
        window.actor + (window.role == null ? "" : " (" + window.role + ")") + " opened "
            + window.subjects.size() + " different subjects' records " + when + " "
            + policy.zone().getId() + "; their own median for " + unit + " is "
            + format(window.ownMedian) + " and the median for "
            + (window.role == null ? "viewers with no role" : "the role " + window.role)
            + " is " + format(window.roleMedian) + " (a spike is at least " + floor
            + " and more than " + format(policy.spikeFactor()) + " times both)",
        window.actor, null, seqs);
  }

  /**
   * The windows (as {@code start} cuts them, counting the views {@code counted} accepts) that are
   * spikes, in order of first view.
   */
  private List<Window> spikes(List<ViewEntry> views,
      Function<ZonedDateTime, ZonedDateTime> start, Predicate<ViewEntry> counted, int floor) {
    Map<String, Window> windows = new LinkedHashMap<>();
    for (ViewEntry view : views) {
      if (!counted.test(view)) {
        continue;
      }
      ZonedDateTime begins = start.apply(view.at().atZone(policy.zone()));
      Window window = windows.computeIfAbsent(view.actor() + "\u0000" + begins.toInstant(),
          k -> new Window(view.actor(), view.role(), begins));
      window.subjects.add(view.subject());
      window.seqs.add(view.seq());
    }
    Map<String, List<Integer>> byActor = new HashMap<>();
    Map<String, List<Integer>> byRole = new HashMap<>();
    for (Window window : windows.values()) {
      byActor.computeIfAbsent(window.actor, a -> new ArrayList<>()).add(window.subjects.size());
      byRole.computeIfAbsent(String.valueOf(window.role), r -> new ArrayList<>())
          .add(window.subjects.size());
    }
    Map<String, Double> roleMedian = new HashMap<>();
    byRole.forEach((role, counts) -> roleMedian.put(role, median(counts, -1)));
    List<Window> spikes = new ArrayList<>();
    for (Window window : windows.values()) {
      int count = window.subjects.size();
      if (count < floor) {
        continue;
      }
      window.ownMedian = median(byActor.get(window.actor), count);
      window.roleMedian = roleMedian.get(String.valueOf(window.role));
      if (count > policy.spikeFactor() * window.ownMedian
          && count > policy.spikeFactor() * window.roleMedian) {
        spikes.add(window);
      }
    }
    return spikes;
  }

  /**
   * The median of {@code counts}, leaving out one occurrence of {@code exclude} (the window being
   * judged, so it is not its own yardstick); 0 when nothing is left. {@code -1} excludes nothing.
   */
  static double median(List<Integer> counts, int exclude) {
    List<Integer> rest = new ArrayList<>(counts);
    if (exclude >= 0) {
      rest.remove(Integer.valueOf(exclude));
    }
    if (rest.isEmpty()) {
      return 0;
    }
    int[] values = rest.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
  }
}
