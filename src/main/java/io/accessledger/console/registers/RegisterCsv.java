package io.accessledger.console.registers;

import io.accessledger.console.web.CsvCells;
import java.util.ArrayList;
import java.util.List;

/**
 * A register as CSV: one row per item, the columns a DPO needs to work with it in a spreadsheet,
 * with the values as recorded (codes and RFC 3339 times, not words), the flags' codes and
 * explanations, the one-line summary and the leaf hash. Lists are joined with "; ".
 */
final class RegisterCsv {
  private static final List<String> SHARE_COLUMNS = List.of("seq", "occurredAt", "decision",
      "grounds", "consent", "recipient", "recipientRole", "dataShared", "subjects", "decidedBy",
      "approvedBy", "recordedBy", "legalBasis", "flags", "flagExplanations", "summary",
      "leafHash");
  private static final List<String> EXTRACT_COLUMNS = List.of("seq", "occurredAt", "agreement",
      "recipient", "dataset", "sha256", "rowCount", "pseudonymised", "categories", "periodFrom",
      "periodTo", "subjectCount", "approvedBy", "recordedBy", "legalBasis", "flags",
      "flagExplanations", "summary", "leafHash");

  private RegisterCsv() {}

  static String shares(List<ShareRow> rows) {
    StringBuilder csv = new StringBuilder(CsvCells.row(SHARE_COLUMNS));
    for (ShareRow row : rows) {
      csv.append(CsvCells.row(List.of(Long.toString(row.seq()), text(row.occurredAt()),
          text(row.decision()), text(row.grounds()), text(row.consent()), text(row.recipient()),
          text(row.recipientRole()), joined(row.dataShared()),
          joined(row.children().stream().map(Link::id).toList()), id(row.decidedBy()),
          id(row.approvedBy()), id(row.recordedBy()), joined(row.legalBasis()),
          codes(row.flags()), explanations(row.flags()), text(row.summary()), row.leafHash())));
    }
    return csv.toString();
  }

  static String extracts(List<ExtractRow> rows) {
    StringBuilder csv = new StringBuilder(CsvCells.row(EXTRACT_COLUMNS));
    for (ExtractRow row : rows) {
      List<String> cells = new ArrayList<>(List.of(Long.toString(row.seq()),
          text(row.occurredAt()), text(row.agreement()), text(row.recipient()),
          text(row.dataset()), text(row.sha256()), number(row.rowCount()),
          row.pseudonymised() == null ? "" : row.pseudonymised().toString(),
          joined(row.categories()), text(row.periodFrom()), text(row.periodTo()),
          number(row.subjectCount()), id(row.approvedBy()), id(row.recordedBy()),
          joined(row.legalBasis()), codes(row.flags()), explanations(row.flags()),
          text(row.summary()), row.leafHash()));
      csv.append(CsvCells.row(cells));
    }
    return csv.toString();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String number(Long value) {
    return value == null ? "" : value.toString();
  }

  private static String joined(List<String> values) {
    return String.join("; ", values);
  }

  private static String id(Link person) {
    return person == null ? "" : person.id();
  }

  private static String codes(List<FlagView> flags) {
    return String.join("; ", flags.stream().map(FlagView::code).toList());
  }

  private static String explanations(List<FlagView> flags) {
    return String.join(" | ", flags.stream().map(FlagView::explanation).toList());
  }
}
