package io.accessledger.console.people;

import io.accessledger.console.charts.StackedBarChart;
import io.accessledger.console.charts.StackedBarChart.LaneInput;
import io.accessledger.console.charts.StackedBarChart.Mark;
import io.accessledger.console.charts.StackedBarChart.Shape;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.View;
import io.accessledger.query.LinkedSummary;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A child's timeline, gathered as the history goes by once: views per week (weeks start on
 * Monday, in the service's zone) by the viewer's team, and the share decisions and extracts of
 * each week, laid out as a {@link StackedBarChart} and as the table behind it. The chart spans the
 * first week to the last with anything in it, at most the latest {@link #MAX_WEEKS}.
 */
public final class SubjectTimeline implements Consumer<LinkedSummary> {
  static final int MAX_WEEKS = 104;
  static final String NO_TEAM = "no team recorded";

  /** One week of the table: its Monday, views per team (in the legend's order) and marks. */
  public record Week(String week, List<Long> views, long total, long shares, long extracts) {}

  /** What a week holds. */
  private static final class Tally {
    final Map<String, Long> views = new HashMap<>();
    long shares;
    long extracts;
  }

  private final ConsoleDates dates;
  private final TreeMap<LocalDate, Tally> weeks = new TreeMap<>();
  private final Map<String, Long> teams = new HashMap<>();

  SubjectTimeline(ConsoleDates dates) {
    this.dates = dates;
  }

  @Override
  public void accept(LinkedSummary entry) {
    Instant at = entry.at();
    if (at == null) {
      return; // no time to place it at; the table still lists it
    }
    LocalDate monday = at.atZone(dates.zone()).toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    if (View.TYPE.equals(entry.type())) {
      String team = entry.team() == null ? NO_TEAM : entry.team();
      weeks.computeIfAbsent(monday, m -> new Tally()).views.merge(team, 1L, Long::sum);
      teams.merge(team, 1L, Long::sum);
    } else if (ShareDecision.TYPE.equals(entry.type())) {
      weeks.computeIfAbsent(monday, m -> new Tally()).shares++;
    } else if (ExtractSubject.TYPE.equals(entry.type())) {
      weeks.computeIfAbsent(monday, m -> new Tally()).extracts++;
    }
  }

  /** The chart's Mondays: every week from the first to the last, the latest {@link #MAX_WEEKS}. */
  private List<LocalDate> mondays() {
    List<LocalDate> mondays = new ArrayList<>();
    if (weeks.isEmpty()) {
      return mondays;
    }
    LocalDate first = weeks.firstKey();
    LocalDate last = weeks.lastKey();
    if (first.isBefore(last.minusWeeks(MAX_WEEKS - 1))) {
      first = last.minusWeeks(MAX_WEEKS - 1);
    }
    for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
      mondays.add(week);
    }
    return mondays;
  }

  /** The teams, most views first (then by name), as the chart's series. */
  List<String> teams() {
    return teams.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
  }

  StackedBarChart chart() {
    List<LocalDate> mondays = mondays();
    List<String> teams = teams();
    List<String> labels = new ArrayList<>();
    long[][] values = new long[mondays.size()][teams.size()];
    List<Mark> shares = new ArrayList<>();
    List<Mark> extracts = new ArrayList<>();
    long views = 0;
    for (int w = 0; w < mondays.size(); w++) {
      LocalDate monday = mondays.get(w);
      labels.add(dates.shortDay(monday));
      Tally tally = weeks.getOrDefault(monday, new Tally());
      for (int t = 0; t < teams.size(); t++) {
        values[w][t] = tally.views.getOrDefault(teams.get(t), 0L);
        views += values[w][t];
      }
      String week = "week of " + dates.day(monday);
      if (tally.shares > 0) {
        shares.add(new Mark(w, tally.shares, count(tally.shares, "share decision") + ", " + week));
      }
      if (tally.extracts > 0) {
        extracts.add(new Mark(w, tally.extracts, count(tally.extracts, "extract") + ", " + week));
      }
    }
    String span = mondays.isEmpty() ? "No dated entries."
        : count(views, "view") + " by " + count(teams.size(), "team") + ", "
            + count(shares.stream().mapToLong(Mark::count).sum(), "share decision") + " and "
            + count(extracts.stream().mapToLong(Mark::count).sum(), "extract") + " in the "
            + count(mondays.size(), "week") + " from " + dates.day(mondays.get(0)) + "."
            + (weeks.firstKey().isBefore(mondays.get(0)) ? " Earlier weeks are in the table of"
                + " entries." : "");
    return StackedBarChart.of("subject-timeline", "Views per week by team, with share decisions"
        + " and extracts", span, labels, teams, values, "other teams",
        List.of(new LaneInput("Shares", "Shares: a week with a share decision about the child"
                + " (a number beside the mark counts them)", "mark-share", Shape.TRIANGLE, shares),
            new LaneInput("Extracts", "Extracts: a week with an extract release including the"
                + " child", "mark-extract", Shape.DIAMOND, extracts)),
        900, 320, Math.max(1, mondays.size() / 12));
  }

  /**
   * The weeks with anything in them, newest first: views per series of {@code chart}'s legend
   * (the last, when teams were folded, counting every other team), then the week's marks.
   */
  List<Week> table(StackedBarChart chart) {
    List<String> named = chart.legend().stream().map(StackedBarChart.Series::name).toList();
    boolean folded = teams.size() > named.size();
    if (folded) {
      named = named.subList(0, named.size() - 1);
    }
    List<Week> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, Tally> week : weeks.descendingMap().entrySet()) {
      Tally tally = week.getValue();
      long total = tally.views.values().stream().mapToLong(Long::longValue).sum();
      List<Long> views = new ArrayList<>();
      long shown = 0;
      for (String team : named) {
        long n = tally.views.getOrDefault(team, 0L);
        views.add(n);
        shown += n;
      }
      if (folded) {
        views.add(total - shown);
      }
      rows.add(new Week(dates.day(week.getKey()), views, total, tally.shares, tally.extracts));
    }
    return rows;
  }

  static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
