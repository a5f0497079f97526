package io.accessledger.console.charts;

import static io.accessledger.console.charts.BarChart.num;

import java.util.ArrayList;
import java.util.List;

/**
 * A grid of counts laid out for {@code chart-heatmap.mustache}: rows (weekdays) by columns (hours
 * of the day), each cell shaded by one of {@link #SHADES} classes by its share of the largest count,
 * with the count written in it (when not 0) and in its SVG {@code <title>}, and outlined when
 * flagged (out of working hours). Readable without colour: the shade is only a cue beside the
 * written counts, the outline is a shape, and the page shows the same figures as a table.
 *
 * @param legend the shades and the counts each stands for, lightest first
 */
public record HeatMap(String id, String title, String summary, int width, int height,
    List<Row> rows, List<Heading> headings, List<Shade> legend) {

  /** Shades a non-zero count can take (class {@code cell-1} to {@code cell-5}; 0 is {@code cell-0}). */
  public static final int SHADES = 5;

  /** A row: its label and its cells. */
  public record Row(String label, String labelY, List<Cell> cells) {}

  /**
   * A cell: where it is, its count, its shade class, whether it is outlined (and the inset outline's
   * box), and whether its count is written (dark shades take light text).
   */
  public record Cell(String x, String y, String width, String height, long value,
      String cssClass, boolean outlined, String outlineX, String outlineY, String outlineWidth,
      String outlineHeight, String title, boolean showValue, String textX, String textY,
      boolean lightText) {}

  /** A column heading, written above every {@code every}-th column. */
  public record Heading(String label, String x, String y) {}

  /** A shade of the legend: its class and the counts it stands for ("1 to 4"). */
  public record Shade(String cssClass, String counts) {}

  private static final int LEFT = 56;
  private static final int RIGHT = 6;
  private static final int TOP = 22;
  private static final int CELL_HEIGHT = 30;

  /**
   * Lays out {@code values[row][column]} in a chart {@code width} wide; {@code outlined[row][column]}
   * marks the cells to outline; {@code titles[row][column]} names each cell (its count and what it
   * means are added).
   *
   * @param headingEvery write every n-th column heading
   * @param unit what a count counts, singular ("view"; an "s" is added for any other count)
   */
  public static HeatMap of(String id, String title, String summary, List<String> rowLabels,
      List<String> columnLabels, long[][] values, boolean[][] outlined, String[][] titles,
      String unit, String outlineMeaning, int width, int headingEvery) {
    if (values.length != rowLabels.size() || outlined.length != rowLabels.size()
        || titles.length != rowLabels.size()) {
      throw new IllegalArgumentException("one row of values, flags and titles per row label");
    }
    long max = 0;
    for (long[] row : values) {
      if (row.length != columnLabels.size()) {
        throw new IllegalArgumentException("one value per column in every row");
      }
      for (long v : row) {
        max = Math.max(max, v);
      }
    }
    double cellWidth = (double) (width - LEFT - RIGHT) / Math.max(1, columnLabels.size());
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < rowLabels.size(); r++) {
      double y = TOP + r * CELL_HEIGHT;
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < columnLabels.size(); c++) {
        double x = LEFT + c * cellWidth;
        long value = values[r][c];
        int shade = shade(value, max);
        boolean out = outlined[r][c];
        String cellTitle = titles[r][c] + ": " + value + " " + unit + (value == 1 ? "" : "s")
            + (out ? " (" + outlineMeaning + ")" : "");
        cells.add(new Cell(num(x), num(y), num(cellWidth), num(CELL_HEIGHT), value,
            "cell-" + shade, out, num(x + 2), num(y + 2), num(cellWidth - 4),
            num(CELL_HEIGHT - 4), cellTitle, value > 0, num(x + cellWidth / 2),
            num(y + CELL_HEIGHT / 2.0 + 5), shade >= 3));
      }
      rows.add(new Row(rowLabels.get(r), num(y + CELL_HEIGHT / 2.0 + 5), List.copyOf(cells)));
    }
    List<Heading> headings = new ArrayList<>();
    for (int c = 0; c < columnLabels.size(); c += Math.max(1, headingEvery)) {
      headings.add(new Heading(columnLabels.get(c), num(LEFT + c * cellWidth + cellWidth / 2),
          num(TOP - 6)));
    }
    return new HeatMap(id, title, summary, width, TOP + rowLabels.size() * CELL_HEIGHT + 4,
        List.copyOf(rows), List.copyOf(headings), legend(max));
  }

  /** 0 for no count; otherwise 1 to {@link #SHADES} by the count's share of {@code max}. */
  static int shade(long value, long max) {
    if (value <= 0 || max <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.min(SHADES, (value * SHADES + max - 1) / max));
  }

  /** The counts each shade stands for, given the largest; shades no count can take are left out. */
  static List<Shade> legend(long max) {
    List<Shade> legend = new ArrayList<>();
    legend.add(new Shade("cell-0", "0"));
    long from = 1;
    for (int s = 1; s <= SHADES && from <= max; s++) {
      long to = s * max / SHADES; // the largest count with shade(count) <= s
      if (to < from) {
        continue;
      }
      legend.add(new Shade("cell-" + s, from == to ? Long.toString(from) : from + " to " + to));
      from = to + 1;
    }
    return List.copyOf(legend);
  }
}
