package io.accessledger.console.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
  @Test
  void barsAreScaledToARoundTopAndPlacedInOrder() {
    BarChart chart = BarChart.of("c", "t", "s", List.of("a", "b", "c"), List.of(0L, 7L, 14L),
        360, 250, 2);
    // plot: x 50..350 (100 a slot), y 10..210; values 0..14 round up to 15 (step 5)
    assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 5L, 10L, 15L);
    assertThat(chart.bars()).extracting(BarChart.Bar::x).containsExactly("60.0", "160.0", "260.0");
    assertThat(chart.bars()).extracting(BarChart.Bar::height)
        .containsExactly("0.0", "93.3", "186.7");
    assertThat(chart.bars()).extracting(BarChart.Bar::y).containsExactly("210.0", "116.7", "23.3");
    assertThat(chart.bars()).extracting(BarChart.Bar::showLabel).containsExactly(true, false, true);
    assertThat(chart.baseline()).isEqualTo("210.0");
  }

  @Test
  void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(BarChart.niceStep(1)).isEqualTo(1);
    assertThat(BarChart.niceStep(9)).isEqualTo(2);
    assertThat(BarChart.niceStep(24)).isEqualTo(5);
    assertThat(BarChart.niceStep(51)).isEqualTo(20);
    assertThat(BarChart.niceStep(1_234_567)).isEqualTo(500_000);
  }

  @Test
  void anEmptyChartHasAnAxisAndNoBars() {
    BarChart chart = BarChart.of("c", "t", "s", List.of(), List.of(), 300, 200, 1);
    assertThat(chart.bars()).isEmpty();
    assertThat(chart.ticks()).extracting(BarChart.Tick::value).containsExactly(0L, 1L);
    assertThatThrownBy(() -> BarChart.of("c", "t", "s", List.of("a"), List.of(), 300, 200, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
