package io.accessledger.console.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.console.charts.HeatMap.Cell;
import io.accessledger.console.charts.HeatMap.Shade;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout maths of the heat map: cells on a grid, shades by share of the largest, outlines. */
class HeatMapTest {
  @Test
  void cellsSitOnAGridWithTheirCountsShadesAndOutlines() {
    long[][] values = {{0, 1, 10}, {5, 0, 3}};
    boolean[][] out = {{true, false, false}, {false, false, true}};
    String[][] titles = {{"Mon 0", "Mon 1", "Mon 2"}, {"Tue 0", "Tue 1", "Tue 2"}};
    HeatMap map = HeatMap.of("h", "Title", "Summary.", List.of("Mon", "Tue"),
        List.of("00", "01", "02"), values, out, titles, "view", "out of hours", 206, 2);

    // 206 - 56 - 6 = 144 px over 3 columns: 48 px a cell; rows of 30 from y = 22.
    Cell tenAtMonday2 = map.rows().get(0).cells().get(2);
    assertThat(tenAtMonday2.x()).isEqualTo("152.0");
    assertThat(tenAtMonday2.y()).isEqualTo("22.0");
    assertThat(tenAtMonday2.width()).isEqualTo("48.0");
    assertThat(tenAtMonday2.cssClass()).isEqualTo("cell-5");
    assertThat(tenAtMonday2.showValue()).isTrue();
    assertThat(tenAtMonday2.lightText()).isTrue();
    assertThat(tenAtMonday2.outlined()).isFalse();
    assertThat(tenAtMonday2.title()).isEqualTo("Mon 2: 10 views");
    assertThat(map.rows().get(0).cells().get(1).title()).isEqualTo("Mon 1: 1 view");

    Cell empty = map.rows().get(0).cells().get(0);
    assertThat(empty.cssClass()).isEqualTo("cell-0");
    assertThat(empty.showValue()).isFalse();
    assertThat(empty.outlined()).isTrue();
    assertThat(empty.outlineX()).isEqualTo("58.0");
    assertThat(empty.outlineWidth()).isEqualTo("44.0");
    assertThat(empty.title()).isEqualTo("Mon 0: 0 views (out of hours)");

    assertThat(map.rows().get(1).cells().get(2).cssClass()).isEqualTo("cell-2");
    assertThat(map.rows().get(1).cells().get(2).lightText()).isFalse();
    assertThat(map.rows().get(1).cells().get(0).cssClass()).isEqualTo("cell-3");
    assertThat(map.height()).isEqualTo(22 + 2 * 30 + 4);
    // Every second heading is written.
    assertThat(map.headings()).extracting(HeatMap.Heading::label).containsExactly("00", "02");
  }

  @Test
  void shadesSplitTheCountsUpToTheLargestInFifthsAndTheLegendSaysWhichIsWhich() {
    assertThat(HeatMap.shade(0, 10)).isZero();
    assertThat(HeatMap.shade(1, 10)).isEqualTo(1);
    assertThat(HeatMap.shade(2, 10)).isEqualTo(1);
    assertThat(HeatMap.shade(3, 10)).isEqualTo(2);
    assertThat(HeatMap.shade(10, 10)).isEqualTo(5);
    assertThat(HeatMap.shade(1, 1000)).isEqualTo(1);
    assertThat(HeatMap.legend(10)).extracting(Shade::cssClass, Shade::counts).containsExactly(
        org.assertj.core.groups.Tuple.tuple("cell-0", "0"),
        org.assertj.core.groups.Tuple.tuple("cell-1", "1 to 2"),
        org.assertj.core.groups.Tuple.tuple("cell-2", "3 to 4"),
        org.assertj.core.groups.Tuple.tuple("cell-3", "5 to 6"),
        org.assertj.core.groups.Tuple.tuple("cell-4", "7 to 8"),
        org.assertj.core.groups.Tuple.tuple("cell-5", "9 to 10"));
    // With a largest count of 2, only the shades a count can take are listed.
    assertThat(HeatMap.legend(2)).extracting(Shade::counts).containsExactly("0", "1", "2");
    for (long v = 1; v <= 2; v++) {
      long count = v;
      assertThat(HeatMap.legend(2)).extracting(Shade::cssClass)
          .contains("cell-" + HeatMap.shade(count, 2));
    }
    assertThat(HeatMap.legend(0)).extracting(Shade::counts).containsExactly("0");
  }
}
