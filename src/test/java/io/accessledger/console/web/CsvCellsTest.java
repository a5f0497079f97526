package io.accessledger.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV cells: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
class CsvCellsTest {
  @Test
  void aCellStartingAsAFormulaIsWrittenAsText() {
    assertThat(CsvCells.cell("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvCells.cell("+44 20")).isEqualTo("'+44 20");
    assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvCells.cell("a=1")).as("only the first character matters").isEqualTo("a=1");
  }

  @Test
  void cellsAreQuotedWhenTheyHoldACommaQuoteOrLineBreak() {
    assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvCells.cell("=HYPERLINK(\"x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    assertThat(CsvCells.cell(null)).isEmpty();
    assertThat(CsvCells.row(Arrays.asList("1", null, "x,y"))).isEqualTo("1,,\"x,y\"\r\n");
    assertThat(CsvCells.row(List.of())).isEqualTo("\r\n");
  }
}
