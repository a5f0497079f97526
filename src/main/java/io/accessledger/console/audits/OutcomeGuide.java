package io.accessledger.console.audits;

import io.accessledger.query.Reviews.Outcome;

/** How the console names a review's outcome, and the colour of its tag (never colour alone). */
final class OutcomeGuide {
  private OutcomeGuide() {}

  static String label(String outcome) {
    return switch (outcome) {
      case "EXPLAINED" -> "Explained";
      case "UNEXPLAINED" -> "Unexplained";
      case "UPHELD" -> "Upheld";
      case "NOT_UPHELD" -> "Not upheld";
      default -> outcome;
    };
  }

  static String hint(Outcome outcome) {
    return switch (outcome) {
      case EXPLAINED -> "There was a work reason for the access.";
      case UNEXPLAINED -> "No reason has been found yet; the finding stays open for follow-up.";
      case UPHELD -> "The access had no need to know: a breach, for action.";
      case NOT_UPHELD -> "After investigation, the access was not a breach.";
    };
  }

  static String tag(String outcome) {
    return switch (outcome) {
      case "EXPLAINED", "NOT_UPHELD" -> "govuk-tag--green";
      case "UNEXPLAINED" -> "govuk-tag--yellow";
      case "UPHELD" -> "govuk-tag--red";
      default -> "govuk-tag--grey";
    };
  }
}
