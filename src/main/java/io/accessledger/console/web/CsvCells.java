package io.accessledger.console.web;

import java.util.List;

/**
 * Rows of a CSV file (RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds a
 * comma, quote or line break, quotes doubled), safe to open in a spreadsheet.
 *
 * <p>Security guarantee: a cell whose text starts with {@code = + - @}, a tab or a carriage return
 * (which a spreadsheet may run as a formula: "CSV injection") is written with a leading
 * apostrophe, so it is shown as text and never evaluated. The ledger's values come from records
 * systems and staff, so any of them may start so. Null is written as an empty cell.
 */
public final class CsvCells {
  private CsvCells() {}

  /** One row, ending with CRLF. */
  public static String row(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    return line.append("\r\n").toString();
  }

  /** One cell: neutralised, then quoted if it needs to be. */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = startsLikeAFormula(value) ? "'" + value : value;
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static boolean startsLikeAFormula(String value) {
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r';
  }
}
