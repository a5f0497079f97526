package io.accessledger.console.entries.describe;

import static io.accessledger.console.entries.describe.Phrases.or;
import static io.accessledger.console.entries.describe.Phrases.who;
import static io.accessledger.console.entries.describe.Phrases.quoted;

import io.accessledger.entries.Review;
import io.accessledger.report.Wording;
import java.util.Map;

/**
 * A {@code REVIEW} in words: who reviewed which need-to-know finding of which audit, what they
 * concluded and their note, and whom the finding is about.
 */
final class ReviewWords {
  private static final Map<String, String> RULES = Map.of(
      "NOT_ALLOCATED", "a view by someone the case was not allocated to",
      "BREAK_GLASS", "a break-glass view",
      "OUT_OF_HOURS", "a view out of working hours",
      "AFTER_CLOSURE", "a view long after the case closed",
      "VOLUME_SPIKE", "an unusual number of children viewed in one hour",
      "RESTRICTED_SUBJECT", "a view of a restricted child by someone not allocated",
      "SELF_OR_FAMILY", "a view of a child related to the viewer");

  private ReviewWords() {}

  static String of(Review review, Phrases phrases) {
    String rule = review.rule() == null ? "a rule not recorded"
        : RULES.getOrDefault(review.rule(), review.rule());
    return who(review.header().actor()) + " reviewed finding "
        + or(review.finding(), "(no id recorded)") + " of the need-to-know audit recorded at entry "
        + number(review.audit()) + " " + phrases.when(review.header()) + " and concluded: "
        + (review.outcome() == null ? "(no outcome recorded)"
            : Wording.words(review.outcome()).toLowerCase(java.util.Locale.UK))
        + ". The finding, " + rule + ", is about staff member "
        + or(review.concerningStaff(), "(not recorded)")
        + review.concerningSubject().map(child -> " and " + child).orElse("")
        + ", starting at entry " + number(review.reviewed()) + ". Note: " + quoted(review.note())
        + ".";
  }

  private static String number(Long seq) {
    return seq == null ? "(not recorded)" : seq.toString();
  }
}
