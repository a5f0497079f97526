package io.accessledger.console.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A vertical bar chart laid out for an SVG template ({@code chart-bars.mustache}): one bar per
 * labelled value, a value axis from 0 with gridlines at round numbers. Every bar carries its
 * label and value as an SVG {@code <title>}, and the page shows the same values as a table, so
 * the chart is readable without colour or sight.
 *
 * @param id unique on its page: names the SVG's title and description
 * @param title what the chart shows, in words: the SVG's accessible name
 * @param summary one sentence that sums up the data (total, largest), the SVG's description
 */
public record BarChart(String id, String title, String summary, int width, int height, List<Bar> bars,
    List<Tick> ticks, String baseline, String axisLeft, String axisRight) {

  /** A bar: where it is drawn, what it is, and whether its label is written under it. */
  public record Bar(String x, String y, String width, String height, String label, long value,
      String labelX, String labelY, boolean showLabel, String cssClass) {}

  /** A gridline of the value axis. */
  public record Tick(String y, String labelY, long value) {}

  private static final int LEFT = 50;
  private static final int RIGHT = 10;
  private static final int TOP = 10;
  private static final int BOTTOM = 40;

  /**
   * Lays out {@code values} (in order) in a {@code width} × {@code height} chart, writing every
   * {@code labelEvery}-th label under its bar.
   */
  public static BarChart of(String id, String title, String summary, List<String> labels, List<Long> values,
      int width, int height, int labelEvery) {
    if (labels.size() != values.size()) {
      throw new IllegalArgumentException("one label per value");
    }
    long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
    long step = niceStep(max);
    long top = ((max + step - 1) / step) * step;
    double plotWidth = width - LEFT - RIGHT;
    double plotHeight = height - TOP - BOTTOM;
    double slot = values.isEmpty() ? plotWidth : plotWidth / values.size();
    double barWidth = Math.max(1, slot * 0.8);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      double h = plotHeight * values.get(i) / top;
      double x = LEFT + i * slot + (slot - barWidth) / 2;
      bars.add(new Bar(num(x), num(TOP + plotHeight - h), num(barWidth), num(h), labels.get(i),
          values.get(i), num(x + barWidth / 2), num(TOP + plotHeight + 18),
          i % Math.max(1, labelEvery) == 0, "bar"));
    }
    List<Tick> ticks = new ArrayList<>();
    for (long v = 0; v <= top; v += step) {
      double y = TOP + plotHeight - plotHeight * v / top;
      ticks.add(new Tick(num(y), num(y + 5), v));
    }
    return new BarChart(id, title, summary, width, height, List.copyOf(bars), List.copyOf(ticks),
        num(TOP + plotHeight), num(LEFT), num(width - RIGHT));
  }

  /** A step of 1, 2 or 5 × 10^k giving at most about five gridlines up to {@code max}. */
  static long niceStep(long max) {
    long step = 1;
    while (true) {
      for (long m : new long[] {1, 2, 5}) {
        if ((max + step * m - 1) / (step * m) <= 5) {
          return step * m;
        }
      }
      step *= 10;
    }
  }

  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
