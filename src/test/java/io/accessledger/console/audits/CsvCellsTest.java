package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @Test
  void formulaCellsAreWrittenAsText() {
    assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvCells.cell("+44 20")).isEqualTo("'+44 20");
    assertThat(CsvCells.cell("-2")).isEqualTo("'-2");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvCells.cell("=HYPERLINK(\"u\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"u\"\",\"\"x\"\")\"");
    assertThat(CsvCells.cell("sw-1")).isEqualTo("sw-1"); // only the first character matters
  }

  @Test
  void quotesWhatWouldAddACellOrARow() {
    assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
    assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvCells.cell(null)).isEmpty();
    assertThat(CsvCells.row(Arrays.asList("a", null, "b,c"))).isEqualTo("a,,\"b,c\"\r\n");
    assertThat(CsvCells.row(List.of())).isEqualTo("\r\n");
  }
}
