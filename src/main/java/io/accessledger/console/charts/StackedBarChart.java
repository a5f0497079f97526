package io.accessledger.console.charts;

import static io.accessledger.console.charts.BarChart.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A stacked vertical bar chart laid out for {@code chart-stacked.mustache}: one bar per column
 * (a week), split into one segment per series (a team), with lanes of markers above the bars (share
 * decisions, extracts). Readable without colour: each series has its own fill pattern as well as
 * its colour ({@link #PATTERNS} of them; more series are folded into one "other" series), the
 * legend names them, every segment and marker carries an SVG {@code <title>}, markers differ by
 * shape, and the page shows the same figures as a table.
 *
 * @param plotTop where the bars' area starts (below the marker lanes)
 * @param labelX where the value axis's and the lanes' labels end
 */
public record StackedBarChart(String id, String title, String summary, int width, int height,
    List<Series> legend, List<Column> columns, List<Lane> lanes, List<BarChart.Tick> ticks,
    String plotTop, String baseline, String axisLeft, String axisRight, String labelX) {

  /** How many series can each have their own pattern. */
  public static final int PATTERNS = 6;

  /** A series as the legend shows it: {@code pattern} is the SVG pattern's id on the page. */
  public record Series(String name, String pattern, String cssClass, long total) {}

  /** One segment of a bar, drawn with its series' pattern. */
  public record Segment(String x, String y, String width, String height, String pattern,
      String cssClass, String title) {}

  /** One column: its bar's segments bottom up, its label and whether it is written. */
  public record Column(String label, long total, List<Segment> segments, String labelX,
      String labelY, boolean showLabel) {}

  /** The shape markers take: a triangle or a diamond. */
  public enum Shape { TRIANGLE, DIAMOND }

  /** Something that happened in a column, {@code count} times, described by {@code title}. */
  public record Mark(int column, long count, String title) {}

  /**
   * A row of markers above the bars, for one kind of event: its short label beside the row, what
   * a mark means (for the legend), and {@code swatch}, its shape's points in the legend's 24 × 16
   * swatch.
   */
  public record Lane(String label, String description, String labelY, String cssClass,
      String swatch, List<Marker> markers) {}

  /** A marker as drawn: a polygon, and its count written beside it when more than one. */
  public record Marker(String points, String title, long count, boolean showCount, String countX,
      String countY) {}

  /** What a lane of markers holds, before layout. */
  public record LaneInput(String label, String description, String cssClass, Shape shape,
      List<Mark> marks) {}

  private static final int LEFT = 70;
  private static final int RIGHT = 10;
  private static final int BOTTOM = 40;
  private static final int LANE = 22;
  /** Space between the last lane and the top of the value axis, whose label sits there. */
  private static final int GAP = 12;
  private static final int MARK = 7;

  /**
   * Lays out {@code values[column][series]} in a {@code width} × {@code height} chart. With more
   * than {@link #PATTERNS} series, the largest {@code PATTERNS - 1} keep theirs and the rest are
   * summed as {@code otherName}.
   *
   * @param labelEvery write every n-th column label under its bar
   */
  public static StackedBarChart of(String id, String title, String summary, List<String> labels,
      List<String> seriesNames, long[][] values, String otherName, List<LaneInput> lanes,
      int width, int height, int labelEvery) {
    if (values.length != labels.size()) {
      throw new IllegalArgumentException("one row of values per column label");
    }
    Folded folded = fold(seriesNames, values, otherName);
    List<Series> legend = new ArrayList<>();
    for (int s = 0; s < folded.names.size(); s++) {
      long total = 0;
      for (long[] column : folded.values) {
        total += column[s];
      }
      legend.add(new Series(folded.names.get(s), id + "-p" + s, "app-series-" + s, total));
    }
    long max = 1;
    for (long[] column : folded.values) {
      max = Math.max(max, java.util.Arrays.stream(column).sum());
    }
    long step = BarChart.niceStep(max);
    long top = ((max + step - 1) / step) * step;
    int plotTop = 10 + LANE * lanes.size() + (lanes.isEmpty() ? 0 : GAP);
    double plotWidth = width - LEFT - RIGHT;
    double plotHeight = height - plotTop - BOTTOM;
    double slot = labels.isEmpty() ? plotWidth : plotWidth / labels.size();
    double barWidth = Math.max(1, slot * 0.8);
    double base = plotTop + plotHeight;
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      double x = LEFT + c * slot + (slot - barWidth) / 2;
      double y = base;
      long total = 0;
      List<Segment> segments = new ArrayList<>();
      for (int s = 0; s < legend.size(); s++) {
        long value = folded.values[c][s];
        if (value == 0) {
          continue;
        }
        double h = plotHeight * value / top;
        y -= h;
        total += value;
        Series series = legend.get(s);
        segments.add(new Segment(num(x), num(y), num(barWidth), num(h), series.pattern(),
            series.cssClass(), labels.get(c) + ", " + series.name() + ": " + value));
      }
      columns.add(new Column(labels.get(c), total, List.copyOf(segments), num(x + barWidth / 2),
          num(base + 18), c % Math.max(1, labelEvery) == 0));
    }
    List<Lane> laidLanes = new ArrayList<>();
    for (int l = 0; l < lanes.size(); l++) {
      LaneInput lane = lanes.get(l);
      double cy = 10 + LANE * l + LANE / 2.0;
      List<Marker> markers = new ArrayList<>();
      for (Mark mark : lane.marks()) {
        if (mark.column() < 0 || mark.column() >= labels.size()) {
          throw new IllegalArgumentException("a mark in column " + mark.column() + " of "
              + labels.size());
        }
        double cx = LEFT + mark.column() * slot + slot / 2;
        markers.add(new Marker(points(lane.shape(), cx, cy), mark.title(), mark.count(),
            mark.count() > 1, num(cx + MARK + 2), num(cy + 5)));
      }
      laidLanes.add(new Lane(lane.label(), lane.description(), num(cy + 5), lane.cssClass(),
          points(lane.shape(), 12, 8), List.copyOf(markers)));
    }
    List<BarChart.Tick> ticks = new ArrayList<>();
    for (long v = 0; v <= top; v += step) {
      double y = base - plotHeight * v / top;
      ticks.add(new BarChart.Tick(num(y), num(y + 5), v));
    }
    return new StackedBarChart(id, title, summary, width, height, List.copyOf(legend),
        List.copyOf(columns), List.copyOf(laidLanes), List.copyOf(ticks), num(plotTop), num(base),
        num(LEFT), num(width - RIGHT), num(LEFT - 6));
  }

  /** The series names and values after folding the smallest into "other", if need be. */
  private record Folded(List<String> names, long[][] values) {}

  static Folded fold(List<String> names, long[][] values, String otherName) {
    for (long[] column : values) {
      if (column.length != names.size()) {
        throw new IllegalArgumentException("one value per series in every column");
      }
    }
    if (names.size() <= PATTERNS) {
      return new Folded(List.copyOf(names), values);
    }
    long[] totals = new long[names.size()];
    for (long[] column : values) {
      for (int s = 0; s < column.length; s++) {
        totals[s] += column[s];
      }
    }
    // The largest keep their own pattern, in the order given; ties go to the first named.
    List<Integer> kept = IntStream.range(0, names.size()).boxed()
        .sorted(Comparator.comparingLong((Integer s) -> -totals[s]))
        .limit(PATTERNS - 1).sorted().toList();
    List<String> keptNames = new ArrayList<>(kept.stream().map(names::get).toList());
    keptNames.add(otherName);
    long[][] folded = new long[values.length][PATTERNS];
    for (int c = 0; c < values.length; c++) {
      for (int s = 0; s < names.size(); s++) {
        int at = kept.indexOf(s);
        folded[c][at < 0 ? PATTERNS - 1 : at] += values[c][s];
      }
    }
    return new Folded(List.copyOf(keptNames), folded);
  }

  static String points(Shape shape, double cx, double cy) {
    return switch (shape) {
      case TRIANGLE -> num(cx) + "," + num(cy - MARK) + " " + num(cx + MARK) + ","
          + num(cy + MARK - 1) + " " + num(cx - MARK) + "," + num(cy + MARK - 1);
      case DIAMOND -> num(cx) + "," + num(cy - MARK) + " " + num(cx + MARK) + "," + num(cy) + " "
          + num(cx) + "," + num(cy + MARK) + " " + num(cx - MARK) + "," + num(cy);
    };
  }
}
