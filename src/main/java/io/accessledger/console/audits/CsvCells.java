package io.accessledger.console.audits;

import java.util.List;

/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet.
 *
 * <p>Security guarantee (CSV injection, OWASP): a cell whose text starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet would take as a formula,
 * is written with a leading apostrophe, so it is shown as text and never evaluated. Every cell is
 * quoted when it holds a comma, a quote, or a line break, with quotes doubled, so no value can
 * add a cell or a row.
 */
final class CsvCells {
  private CsvCells() {}

  /** One row, cells in order, ended by CRLF; a null cell is empty. */
  static String row(List<String> cells) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      row.append(cell(cells.get(i)));
    }
    return row.append("\r\n").toString();
  }

  /** One cell, neutralised and quoted as needed. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = isFormula(value.charAt(0)) ? "'" + value : value;
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private static boolean isFormula(char first) {
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r';
  }
}
