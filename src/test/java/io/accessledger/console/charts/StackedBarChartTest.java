package io.accessledger.console.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.console.charts.StackedBarChart.Column;
import io.accessledger.console.charts.StackedBarChart.LaneInput;
import io.accessledger.console.charts.StackedBarChart.Mark;
import io.accessledger.console.charts.StackedBarChart.Segment;
import io.accessledger.console.charts.StackedBarChart.Series;
import io.accessledger.console.charts.StackedBarChart.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout maths of the stacked weekly chart: stacking, scale, patterns, folding, markers. */
class StackedBarChartTest {
  private static StackedBarChart chart(List<String> series, long[][] values, List<LaneInput> lanes) {
    List<String> labels = java.util.stream.IntStream.range(0, values.length)
        .mapToObj(i -> "w" + i).toList();
    return StackedBarChart.of("t", "Title", "Summary.", labels, series, values, "Other teams",
        lanes, 450, 300, 1);
  }

  @Test
  void segmentsStackBottomUpOnOneScaleEachWithItsSeriesPatternAndTitle() {
    // Two columns, two series; the tallest bar is 10, so the axis tops out at 10 (steps of 2).
    StackedBarChart c = chart(List.of("north", "south"), new long[][] {{4, 6}, {2, 0}}, List.of());
    // No lanes: the plot starts at 10 and ends at 300 - 40 = 260, 250 px for 10 views.
    assertThat(c.plotTop()).isEqualTo("10.0");
    assertThat(c.baseline()).isEqualTo("260.0");
    assertThat(c.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 2L, 4L, 6L, 8L, 10L);
    Column first = c.columns().get(0);
    assertThat(first.total()).isEqualTo(10);
    assertThat(first.segments()).extracting(Segment::height).containsExactly("100.0", "150.0");
    assertThat(first.segments()).extracting(Segment::y).containsExactly("160.0", "10.0");
    assertThat(first.segments()).extracting(Segment::pattern).containsExactly("t-p0", "t-p1");
    assertThat(first.segments().get(1).title()).isEqualTo("w0, south: 6");
    // A zero segment is not drawn.
    assertThat(c.columns().get(1).segments()).hasSize(1);
    assertThat(c.legend()).extracting(Series::name, Series::total)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("north", 6L),
            org.assertj.core.groups.Tuple.tuple("south", 6L));
    // Columns share the plot's width: 370 px over two slots of 185, bars 80 % of a slot.
    assertThat(first.segments().get(0).x()).isEqualTo("88.5");
    assertThat(first.segments().get(0).width()).isEqualTo("148.0");
    assertThat(c.labelX()).isEqualTo("64.0");
  }

  @Test
  void moreSeriesThanPatternsKeepTheLargestAndFoldTheRestIntoOther() {
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    long[][] values = {{1, 8, 1, 7, 6, 5, 4, 2}};
    StackedBarChart c = chart(names, values, List.of());
    assertThat(c.legend()).extracting(Series::name)
        .containsExactly("b", "d", "e", "f", "g", "Other teams");
    assertThat(c.legend()).extracting(Series::total).containsExactly(8L, 7L, 6L, 5L, 4L, 4L);
    assertThat(c.legend()).extracting(Series::pattern)
        .containsExactly("t-p0", "t-p1", "t-p2", "t-p3", "t-p4", "t-p5");
    assertThat(c.columns().get(0).total()).isEqualTo(34);
  }

  @Test
  void markersSitInLanesAboveTheBarsAtTheirColumnsCentre() {
    LaneInput shares = new LaneInput("Shares", "share decisions", "mark-share", Shape.TRIANGLE,
        List.of(new Mark(1, 2, "2 share decisions")));
    LaneInput extracts = new LaneInput("Extracts", "extracts", "mark-extract", Shape.DIAMOND,
        List.of(new Mark(0, 1, "1 extract")));
    StackedBarChart c = chart(List.of("north"), new long[][] {{1}, {3}}, List.of(shares, extracts));
    // Two lanes of 22 px and a gap of 12 for the axis's top label push the plot down to 66.
    assertThat(c.plotTop()).isEqualTo("66.0");
    StackedBarChart.Marker share = c.lanes().get(0).markers().get(0);
    // Column 1's centre: 70 + 185 + 92.5; lane 0's centre: 10 + 11.
    assertThat(share.points()).isEqualTo("347.5,14.0 354.5,27.0 340.5,27.0");
    assertThat(share.showCount()).isTrue();
    assertThat(share.title()).isEqualTo("2 share decisions");
    StackedBarChart.Marker extract = c.lanes().get(1).markers().get(0);
    assertThat(extract.points()).isEqualTo("162.5,36.0 169.5,43.0 162.5,50.0 155.5,43.0");
    assertThat(extract.showCount()).isFalse();
    assertThat(c.lanes().get(1).swatch()).isEqualTo("12.0,1.0 19.0,8.0 12.0,15.0 5.0,8.0");
  }

  @Test
  void anEmptyChartHasAnAxisAndNoBarsAndBadShapesAreRefused() {
    StackedBarChart empty = chart(List.of(), new long[0][0], List.of());
    assertThat(empty.columns()).isEmpty();
    assertThat(empty.ticks()).isNotEmpty();
    assertThatThrownBy(() -> chart(List.of("a"), new long[][] {{1, 2}}, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> chart(List.of("a"), new long[][] {{1}}, List.of(new LaneInput("x",
        "x", "c", Shape.DIAMOND, List.of(new Mark(3, 1, "out of range"))))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
