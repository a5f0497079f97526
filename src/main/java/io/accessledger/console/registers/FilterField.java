package io.accessledger.console.registers;

import io.accessledger.entries.ShareDecision;
import io.accessledger.report.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One labelled field of a register's filter form (GOV.UK form group): an input or a select named
 * as the API's parameter, showing what was entered and, when the filter was refused, why.
 *
 * @param options the choices of a select, the first "Any" (empty: not filtered); null for an input
 * @param error why this field's value was refused; null when it was not
 */
record FilterField(String name, String label, String hint, String inputType, String value,
    String error, List<Option> options) {

  /** One choice of a select. */
  record Option(String value, String label, boolean selected) {}

  public boolean select() {
    return options != null;
  }

  /** The ids of the hint and error message, for {@code aria-describedby}. */
  public String describedBy() {
    return "filter-" + name + "-hint" + (error == null ? "" : " filter-" + name + "-error");
  }

  /** The form's fields for {@code kind}, in the API's order, holding {@code entered}. */
  static List<FilterField> of(RegisterKind kind, Map<String, String> entered, String errorField,
      String error) {
    List<FilterField> fields = new ArrayList<>();
    Builder b = new Builder(entered, errorField, error);
    fields.add(b.input("from", "From", "The first day, such as 2026-03-01.", "date"));
    fields.add(b.input("to", "To", "The last day, included.", "date"));
    fields.add(b.select("flagged", "Flags", "Whether the checks raised a flag.",
        List.of("true", "Flagged only", "false", "Not flagged")));
    fields.add(b.input("recipient", "Recipient organisation",
        "Letter case and runs of spaces are ignored.", "text"));
    if (kind == RegisterKind.SHARES) {
      fields.add(b.select("decision", "Decision", "What was decided.",
          pairs(ShareDecision.DECISIONS, code -> Wording.capitalised(Wording.decision(code).label()))));
      fields.add(b.select("grounds", "Grounds", "The grounds the decision rests on.",
          pairs(ShareDecision.GROUNDS, code -> Wording.capitalised(Wording.grounds(code).label()))));
    } else {
      fields.add(b.input("agreement", "Agreement", "Its id exactly, such as WWCSC-FAMILY-VALUED.",
          "text"));
    }
    return fields;
  }

  private static List<String> pairs(List<String> codes,
      java.util.function.Function<String, String> label) {
    List<String> pairs = new ArrayList<>();
    for (String code : codes) {
      pairs.add(code);
      pairs.add(label.apply(code));
    }
    return pairs;
  }

  /** Builds fields over one form's entered values and refusal. */
  private record Builder(Map<String, String> entered, String errorField, String error) {
    FilterField input(String name, String label, String hint, String type) {
      return new FilterField(name, label, hint, type, entered.getOrDefault(name, ""),
          name.equals(errorField) ? error : null, null);
    }

    /** @param choices value, label, value, label, ... */
    FilterField select(String name, String label, String hint, List<String> choices) {
      String value = entered.getOrDefault(name, "");
      List<Option> options = new ArrayList<>();
      options.add(new Option("", "Any", value.isEmpty()));
      for (int i = 0; i < choices.size(); i += 2) {
        options.add(new Option(choices.get(i), choices.get(i + 1), choices.get(i).equals(value)));
      }
      return new FilterField(name, label, hint, null, value,
          name.equals(errorField) ? error : null, List.copyOf(options));
    }
  }
}
