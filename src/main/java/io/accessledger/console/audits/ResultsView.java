package io.accessledger.console.audits;

import io.accessledger.query.Reviews;
import java.util.Arrays;
import java.util.List;

/**
 * What the audit page shows of a finished run (template {@code audits-results}): the findings
 * grouped by rule, each with its state and review form, the filters, and any problem with a review
 * just posted. Every value is escaped by the template.
 *
 * @param from the first day, {@code YYYY-MM-DD}, for the forms' hidden fields
 * @param to the last day, the same way
 * @param filterRule the rule filter as given, or null (named apart from a finding's own rule)
 */
public record ResultsView(String period, String from, String to, long auditSeq, String auditHref,
    long treeSize, String ranAt, int total, int shown, boolean filtered, List<Group> groups,
    List<Option> rules, List<Option> teams, List<Option> states, String filterRule,
    String filterTeam, String filterState, String pageHref, String clearHref, String csvHref,
    List<Problem> errors, Pager pager) {

  /** Where this page is among the findings shown, when there is more than one page. */
  public record Pager(int page, int pages, int from, int to, int of, String previousHref,
      String nextHref) {}

  /** One rule's findings. */
  public record Group(String rule, String title, String explanation, int found, int shown,
      List<Item> findings) {}

  /**
   * One finding and its review form.
   *
   * @param subject null when it is about many children
   * @param manyEntries whether its entries are listed inside a details element
   */
  public record Item(String id, String anchor, String rule, String explanation, String actor,
      String actorHref, String team, String subject, String subjectHref, List<Link> entries,
      int entryCount, boolean manyEntries, State state, Form form) {}

  /** A link to an entry's page. */
  public record Link(long seq, String href) {}

  /**
   * A finding's state: new, or its latest review.
   *
   * @param value {@code new} or the outcome's name, as the state filter and the CSV name it
   */
  public record State(String value, String label, String tagClass, boolean isNew,
      String reviewer, String at, String entryHref) {}

  /** A finding's review form: what was entered, and what was wrong with it, if it came back. */
  public record Form(List<Choice> outcomes, String note, String outcomeError, String noteError) {}

  /** One radio of the outcome field. */
  public record Choice(String value, String label, String id, boolean checked) {}

  /** One option of a filter. */
  public record Option(String value, String label, boolean selected) {}

  /** One line of the error summary, linking to its field. */
  public record Problem(String text, String href) {}

  /** What each outcome means, once for the page (the form's radios carry only the names). */
  public List<Meaning> outcomeGuide() {
    return Arrays.stream(Reviews.Outcome.values())
        .map(o -> new Meaning(OutcomeGuide.label(o.name()), OutcomeGuide.hint(o))).toList();
  }

  /** What an outcome means. */
  public record Meaning(String label, String hint) {}

  /** Whether the error summary is shown (the page title then starts with "Error:"). */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
