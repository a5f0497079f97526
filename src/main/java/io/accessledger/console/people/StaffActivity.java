package io.accessledger.console.people;

import io.accessledger.audit.NeedToKnowPolicy;
import io.accessledger.console.charts.BarChart;
import io.accessledger.console.charts.HeatMap;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.entries.View;
import io.accessledger.query.LinkedSummary;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A member of staff's views, gathered as their history goes by once: distinct children per day,
 * and views by weekday and hour (in the service's zone) against the need-to-know audit's working
 * hours ({@code needToKnow.workingHours}), laid out as a {@link BarChart} and a {@link HeatMap},
 * each with the figures of its table. Memory grows with days and children, never with views.
 */
public final class StaffActivity implements Consumer<LinkedSummary> {
  /** The most days the per-day chart spans: the latest, when their views span more. */
  static final int MAX_DAYS = 366;

  /** A day of the table: the distinct children viewed and the views. */
  public record Day(String day, long children, long views) {}

  /** A weekday of the heat map's table: views in each hour from 00:00, and in all. */
  public record Weekday(String day, List<Long> hours, long total) {}

  private final ConsoleDates dates;
  private final NeedToKnowPolicy hours;
  private final TreeMap<LocalDate, Set<String>> children = new TreeMap<>();
  private final TreeMap<LocalDate, Long> viewsPerDay = new TreeMap<>();
  private final long[][] byHour = new long[7][24];
  private long views;
  private long outOfHours;
  private long newestView = -1;

  StaffActivity(ConsoleDates dates, NeedToKnowPolicy hours) {
    this.dates = dates;
    this.hours = hours;
  }

  @Override
  public void accept(LinkedSummary entry) {
    if (!View.TYPE.equals(entry.type())) {
      return;
    }
    newestView = entry.seq();
    if (entry.at() == null) {
      return;
    }
    LocalDateTime local = LocalDateTime.ofInstant(entry.at(), dates.zone());
    LocalDate day = local.toLocalDate();
    Set<String> seen = children.computeIfAbsent(day, d -> new HashSet<>());
    if (entry.subject() != null) {
      seen.add(entry.subject());
    }
    viewsPerDay.merge(day, 1L, Long::sum);
    byHour[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
    views++;
    if (!working(local)) {
      outOfHours++;
    }
  }

  /** As the need-to-know audit reads working hours (its out-of-hours rule). */
  private boolean working(LocalDateTime local) {
    return hours.workingDays().contains(local.getDayOfWeek())
        && !hours.holidays().contains(local.toLocalDate())
        && !local.toLocalTime().isBefore(hours.dayStart())
        && local.toLocalTime().isBefore(hours.dayEnd());
  }

  /** Whether any part of the hour from {@code hour}:00 on {@code day} is outside working hours. */
  boolean outOfHours(DayOfWeek day, int hour) {
    return !hours.workingDays().contains(day) || LocalTime.of(hour, 0).isBefore(hours.dayStart())
        || (hour < 23 && LocalTime.of(hour + 1, 0).isAfter(hours.dayEnd()))
        || (hour == 23 && hours.dayEnd().isBefore(LocalTime.MAX));
  }

  long views() {
    return views;
  }

  long outOfHoursViews() {
    return outOfHours;
  }

  /** The seq of their newest view, which says who they are (name, role, team); -1 if none. */
  long newestView() {
    return newestView;
  }

  /** "08:00 to 18:00 on Monday, Tuesday, ...", as configured. */
  String workingHours() {
    List<String> days = hours.workingDays().stream().sorted()
        .map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK)).toList();
    return hours.dayStart() + " to " + hours.dayEnd() + " on " + String.join(", ", days)
        + (hours.holidays().isEmpty() ? "" : ", except " + hours.holidays().size() + " holidays");
  }

  BarChart childrenChart() {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    long most = 0;
    if (!children.isEmpty()) {
      LocalDate last = children.lastKey();
      LocalDate first = children.firstKey().isBefore(last.minusDays(MAX_DAYS - 1))
          ? last.minusDays(MAX_DAYS - 1) : children.firstKey();
      for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
        long n = children.getOrDefault(day, Set.of()).size();
        labels.add(dates.shortDay(day));
        values.add(n);
        most = Math.max(most, n);
      }
    }
    String summary = labels.isEmpty() ? "No dated views."
        : "At most " + most + " different children in one day, over the " + labels.size()
            + " days from " + labels.get(0) + " to " + labels.get(labels.size() - 1) + ".";
    return BarChart.of("children-per-day", "Different children viewed per day", summary, labels,
        values, 900, 260, Math.max(1, labels.size() / 10));
  }

  /** The days with views, newest first. */
  List<Day> days() {
    List<Day> rows = new ArrayList<>();
    for (Map.Entry<LocalDate, Set<String>> day : children.descendingMap().entrySet()) {
      rows.add(new Day(dates.longDay(day.getKey()), day.getValue().size(),
          viewsPerDay.get(day.getKey())));
    }
    return rows;
  }

  HeatMap heatMap() {
    List<String> rows = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    boolean[][] outlined = new boolean[7][24];
    String[][] titles = new String[7][24];
    for (DayOfWeek day : DayOfWeek.values()) {
      int r = day.getValue() - 1;
      rows.add(day.getDisplayName(TextStyle.SHORT, Locale.UK));
      for (int h = 0; h < 24; h++) {
        outlined[r][h] = outOfHours(day, h);
        titles[r][h] = day.getDisplayName(TextStyle.FULL, Locale.UK) + " " + hour(h) + " to "
            + hour((h + 1) % 24);
      }
    }
    for (int h = 0; h < 24; h++) {
      columns.add(String.format(Locale.ROOT, "%02d", h));
    }
    String summary = views + " dated views, " + outOfHours + " of them outside working hours ("
        + workingHours() + ").";
    return HeatMap.of("views-by-hour", "Views by weekday and hour of the day", summary, rows,
        columns, byHour, outlined, titles, "view", "outside working hours", 900, 2);
  }

  /** The heat map's figures, Monday first. */
  List<Weekday> weekdays() {
    List<Weekday> rows = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      long[] counts = byHour[day.getValue() - 1];
      rows.add(new Weekday(day.getDisplayName(TextStyle.FULL, Locale.UK),
          java.util.Arrays.stream(counts).boxed().toList(),
          java.util.Arrays.stream(counts).sum()));
    }
    return rows;
  }

  private static String hour(int h) {
    return String.format(Locale.ROOT, "%02d:00", h);
  }
}
