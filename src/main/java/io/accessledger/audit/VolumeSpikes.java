package io.accessledger.audit;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The volume-spike rule: a viewer opening at least {@code spikeMinSubjects} distinct subjects in
 * one clock hour (in the policy's zone), and more than {@code spikeFactor} times both their own
 * median for an active hour (their other active hours in the period; none counts as 0) and their
 * role's median (every active hour of every viewer with the same {@code actor.role}).
 */
final class VolumeSpikes {
  private final NeedToKnowPolicy policy;

  VolumeSpikes(NeedToKnowPolicy policy) {
    this.policy = policy;
  }

  /** One viewer's clock hour: the distinct subjects opened and the views that opened them. */
  private static final class Hour {
    final String actor;
    final String role;
    final LocalDateTime start;
    final Set<String> subjects = new HashSet<>();
    final List<Long> seqs = new ArrayList<>();

    Hour(String actor, String role, LocalDateTime start) {
      this.actor = actor;
      this.role = role;
      this.start = start;
    }
  }

  List<Finding> find(List<ViewEntry> views) {
    Map<String, Hour> hours = new LinkedHashMap<>();
    for (ViewEntry view : views) {
      LocalDateTime start = LocalDateTime.ofInstant(view.at(), policy.zone())
          .truncatedTo(ChronoUnit.HOURS);
      Hour hour = hours.computeIfAbsent(view.actor() + "\u0000" + start,
          k -> new Hour(view.actor(), view.role(), start));
      hour.subjects.add(view.subject());
      hour.seqs.add(view.seq());
    }
    Map<String, List<Integer>> byActor = new HashMap<>();
    Map<String, List<Integer>> byRole = new HashMap<>();
    for (Hour hour : hours.values()) {
      byActor.computeIfAbsent(hour.actor, a -> new ArrayList<>()).add(hour.subjects.size());
      byRole.computeIfAbsent(String.valueOf(hour.role), r -> new ArrayList<>())
          .add(hour.subjects.size());
    }
    Map<String, Double> roleMedian = new HashMap<>();
    byRole.forEach((role, counts) -> roleMedian.put(role, median(counts, -1)));
    List<Finding> findings = new ArrayList<>();
    for (Hour hour : hours.values()) {
      int count = hour.subjects.size();
      if (count < policy.spikeMinSubjects()) {
        continue;
      }
      double own = median(byActor.get(hour.actor), count);
      double peers = roleMedian.get(String.valueOf(hour.role));
      if (count > policy.spikeFactor() * own && count > policy.spikeFactor() * peers) {
        List<Long> seqs = new ArrayList<>(hour.seqs);
        findings.add(new Finding(Rule.VOLUME_SPIKE + "-" + seqs.get(0), Rule.VOLUME_SPIKE,
            hour.actor + (hour.role == null ? "" : " (" + hour.role + ")") + " opened " + count
                + " different subjects' records between " + hour.start + " and "
                + hour.start.plusHours(1) + " " + policy.zone().getId() + "; their own median"
                + " for an active hour is " + format(own) + " and the median for "
                + (hour.role == null ? "viewers with no role" : "the role " + hour.role) + " is "
                + format(peers) + " (a spike is at least " + policy.spikeMinSubjects()
                + " and more than " + format(policy.spikeFactor()) + " times both)",
            hour.actor, null, seqs));
      }
    }
    return findings;
  }

  /**
   * The median of {@code counts}, leaving out one occurrence of {@code exclude} (the hour being
   * judged, so it is not its own yardstick); 0 when nothing is left. {@code -1} excludes nothing.
   */
  static double median(List<Integer> counts, int exclude) {
    int[] values = counts.stream().mapToInt(Integer::intValue).toArray();
    if (exclude >= 0) {
      int[] rest = new int[values.length - 1];
      int i = 0;
      boolean skipped = false;
      for (int v : values) {
        if (!skipped && v == exclude) {
          skipped = true;
          continue;
        }
        if (i < rest.length) {
          rest[i++] = v;
        }
      }
      values = Arrays.copyOf(rest, i);
    }
    if (values.length == 0) {
      return 0;
    }
    Arrays.sort(values);
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
  }
}
