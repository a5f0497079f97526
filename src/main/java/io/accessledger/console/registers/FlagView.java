package io.accessledger.console.registers;

import io.accessledger.registers.Flag;
import java.util.List;
import java.util.Map;

/**
 * A register item's flag as the page shows it: its code, what the flag means in a few words (the
 * tag) and this item's explanation (what is wrong here). A code this version has no words for is
 * shown as itself.
 */
record FlagView(String code, String title, String explanation) {
  /** Each flag code the registers raise, and what it means, in the order the page's key lists them. */
  static final Map<String, String> TITLES = Map.of(
      "SHARE_NOT_APPROVED", "Not approved by a second person",
      "BASIS_GROUNDS_MISMATCH", "Legal basis does not fit",
      "COURT_ORDER_DETAILS_MISSING", "Court order not shown",
      "EXTRACT_UNKNOWN_AGREEMENT", "Unknown agreement",
      "EXTRACT_NOT_PSEUDONYMISED", "Not pseudonymised",
      "EXTRACT_OUTSIDE_AGREEMENT_DATES", "Outside the agreement's dates",
      "EXTRACT_CATEGORY_NOT_ALLOWED", "Category not allowed",
      "EXTRACT_RECIPIENT_MISMATCH", "Recipient not in the agreement");

  /** One line of the page's key: a flag code, its title and what raises it. */
  record Meaning(String code, String title, String meaning) {}

  /** The key of the share register's flags. */
  static final List<Meaning> SHARE_KEY = List.of(
      meaning("SHARE_NOT_APPROVED", "The decision names no approver, or only the person who"
          + " made it: no second person signed it off."),
      meaning("BASIS_GROUNDS_MISMATCH", "The legal bases cited are not those LEGAL-BASES.md"
          + " expects for the decision's grounds."),
      meaning("COURT_ORDER_DETAILS_MISSING", "A decision on court order grounds does not show"
          + " an order it could rest on: details missing, or an order dated after the decision."));

  /** The key of the extract register's flags. */
  static final List<Meaning> EXTRACT_KEY = List.of(
      meaning("EXTRACT_UNKNOWN_AGREEMENT", "The release names a data-sharing agreement that is"
          + " not configured, so it cannot be checked against any terms."),
      meaning("EXTRACT_NOT_PSEUDONYMISED", "The dataset is not recorded as pseudonymised, while"
          + " its agreement allows only pseudonymised data (or there is no known agreement)."),
      meaning("EXTRACT_OUTSIDE_AGREEMENT_DATES", "The release day, or the period the dataset"
          + " covers, falls outside the agreement's term."),
      meaning("EXTRACT_CATEGORY_NOT_ALLOWED", "The dataset holds categories of data its"
          + " agreement does not list."),
      meaning("EXTRACT_RECIPIENT_MISMATCH", "The data went to an organisation other than the"
          + " one its agreement names."),
      meaning("BASIS_GROUNDS_MISMATCH", "The release does not cite every legal basis its"
          + " agreement lists."));

  static FlagView of(Flag flag) {
    return new FlagView(flag.code(), TITLES.getOrDefault(flag.code(), flag.code()),
        flag.explanation());
  }

  private static Meaning meaning(String code, String meaning) {
    return new Meaning(code, TITLES.get(code), meaning);
  }
}
