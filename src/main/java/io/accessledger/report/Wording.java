package io.accessledger.report;

import java.util.Map;

/**
 * Plain-English words for the codes events carry, for a report read by a family. A code this
 * version does not know is shown as itself rather than dropped: the report must not hide what the
 * ledger holds.
 */
public final class Wording {
  private static final Map<String, String> DECISIONS = Map.of(
      "SHARE", "to share",
      "DO_NOT_SHARE", "not to share");

  private static final Map<String, String> GROUNDS = Map.of(
      "SERIOUS_HARM_RISK", "a risk of serious harm",
      "CRIME_PREVENTION_DETECTION", "preventing or detecting a crime",
      "COURT_ORDER", "a court order",
      "LEGAL_OBLIGATION", "a duty under the law");

  private static final Map<String, String> CONSENT = Map.of(
      "NOT_SOUGHT", "consent was not asked for",
      "REFUSED", "consent was asked for and refused",
      "WITHDRAWN", "consent was given and later withdrawn",
      "NOT_POSSIBLE", "it was not possible to ask for consent");

  private static final Map<String, String> ENTRY_TYPES = Map.of(
      "VIEW", "a view of the record",
      "SHARE_DECISION", "a decision about sharing information",
      "EXTRACT_SUBJECT", "inclusion in a data extract",
      "EXTRACT_RELEASE", "the release of a data extract",
      "ALLOCATION", "a change of who is allocated to the case",
      "CASE_CLOSURE", "the closing of the case",
      "AUDIT_QUERY", "a check of the ledger");

  private Wording() {}

  public static Coded decision(Object code) {
    return coded(code, DECISIONS);
  }

  public static Coded grounds(Object code) {
    return coded(code, GROUNDS);
  }

  public static Coded consent(Object code) {
    return coded(code, CONSENT);
  }

  public static Coded entryType(Object code) {
    return coded(code, ENTRY_TYPES);
  }

  /**
   * A code such as {@code social-worker} or {@code case_note} as words ({@code social worker},
   * {@code case note}); null stays null.
   */
  public static String words(String code) {
    return code == null ? null : code.replace('-', ' ').replace('_', ' ');
  }

  /** {@code text} with its first letter in upper case ({@code Social worker}). */
  public static String capitalised(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    int first = text.codePointAt(0);
    return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
        .append(text, Character.charCount(first), text.length()).toString();
  }

  private static Coded coded(Object code, Map<String, String> labels) {
    String text = code == null ? null : String.valueOf(code);
    return text == null ? null : new Coded(text, labels.getOrDefault(text, text));
  }
}
