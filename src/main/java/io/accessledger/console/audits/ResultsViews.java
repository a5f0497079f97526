package io.accessledger.console.audits;

import io.accessledger.console.audits.ResultsView.Choice;
import io.accessledger.console.audits.ResultsView.Form;
import io.accessledger.console.audits.ResultsView.Group;
import io.accessledger.console.audits.ResultsView.Item;
import io.accessledger.console.audits.ResultsView.Link;
import io.accessledger.console.audits.ResultsView.Option;
import io.accessledger.console.audits.ResultsView.Problem;
import io.accessledger.console.audits.ResultsView.State;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.query.LedgerActivity.ReviewState;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.Reviews.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the audit page of a finished run: each finding's state from its latest {@code REVIEW}
 * entry ({@link LedgerActivity#latestReview}, caught up by the caller), the filter applied,
 * the findings grouped by rule in the order the rules ran.
 */
final class ResultsViews {
  /** Past this many entries, a finding lists them inside a details element. */
  private static final int FEW_ENTRIES = 8;

  /**
   * A review that came back with problems: what was entered, what was wrong.
   *
   * @param outcome as entered, or null
   */
  record Rejected(String finding, String outcome, String note, String outcomeError,
      String noteError) {}

  private ResultsViews() {}

  /**
   * The page of {@code job}'s result with {@code filter}, each finding's latest review as {@code
   * reviews} finds it; {@code rejected} is a review that came back, or null.
   */
  static ResultsView of(AuditJob job, FindingFilter filter, ResultsPage page,
      Function<String, Optional<ReviewState>> reviews, ConsoleDates dates, Rejected rejected) {
    AuditResult result = job.result();
    int number = page.at() == null ? page.page() : pageHolding(result, filter, reviews, page.at());
    int first = (number - 1) * ResultsPage.SIZE;
    int index = 0;
    AuditPeriod period = job.period();
    List<Group> groups = new ArrayList<>();
    TreeSet<String> teams = new TreeSet<>();
    int shown = 0;
    for (String rule : result.rules()) {
      if (filter.rule() != null && !filter.rule().equals(rule)) {
        continue;
      }
      List<Item> items = new ArrayList<>();
      int found = 0;
      int matching = 0;
      for (AuditResult.Row row : result.findings()) {
        if (!row.rule().equals(rule)) {
          continue;
        }
        found++;
        Optional<ReviewState> review = reviews.apply(row.id());
        if (filter.shows(row, review)) {
          if (index >= first && index < first + ResultsPage.SIZE) {
            items.add(item(row, review, dates,
                rejected != null && rejected.finding().equals(row.id()) ? rejected : null));
          }
          index++;
          matching++;
        }
      }
      shown += matching;
      if (!items.isEmpty()) {
        groups.add(new Group(rule, RuleGuide.titleOf(rule), RuleGuide.explanationOf(rule), found,
            matching, items));
      }
    }
    result.findings().stream().map(AuditResult.Row::team).filter(Objects::nonNull)
        .forEach(teams::add);
    List<Problem> errors = new ArrayList<>();
    if (rejected != null) {
      if (rejected.outcomeError() != null) {
        errors.add(new Problem(rejected.outcomeError(), "#outcome-" + rejected.finding()));
      }
      if (rejected.noteError() != null) {
        errors.add(new Problem(rejected.noteError(), "#note-" + rejected.finding()));
      }
    }
    return new ResultsView(dates.day(period.from()) + " to " + dates.day(period.to()),
        period.from().toString(), period.to().toString(), job.seq(), ConsoleLinks.entry(job.seq()),
        result.treeSize(), dates.dateTime(job.started()), result.findings().size(), shown,
        filter.any(), groups, ruleOptions(result.rules(), filter), teamOptions(teams, filter),
        stateOptions(filter), filter.rule(), filter.team(), filter.state(),
        AuditLinks.page(period, filter), AuditLinks.page(period, FindingFilter.NONE),
        AuditLinks.csv(period, filter), errors,
        pager(period, filter, number, Math.max(1, (index + ResultsPage.SIZE - 1) / ResultsPage.SIZE),
            first, index));
  }

  /** The page of the findings {@code filter} shows that holds finding {@code id} (1 if none). */
  private static int pageHolding(AuditResult result, FindingFilter filter,
      Function<String, Optional<ReviewState>> reviews, String id) {
    int index = 0;
    for (String rule : result.rules()) {
      if (filter.rule() != null && !filter.rule().equals(rule)) {
        continue;
      }
      for (AuditResult.Row row : result.findings()) {
        if (row.rule().equals(rule) && filter.shows(row, reviews.apply(row.id()))) {
          if (row.id().equals(id)) {
            return ResultsPage.pageOf(index);
          }
          index++;
        }
      }
    }
    return 1;
  }

  private static ResultsView.Pager pager(AuditPeriod period, FindingFilter filter, int number,
      int pages, int first, int total) {
    if (pages <= 1 && number == 1) {
      return null;
    }
    return new ResultsView.Pager(number, pages, Math.min(first + 1, total),
        Math.min(first + ResultsPage.SIZE, total), total,
        number > 1 ? AuditLinks.page(period, filter, number - 1) : null,
        number < pages ? AuditLinks.page(period, filter, number + 1) : null);
  }

  private static Item item(AuditResult.Row row, Optional<ReviewState> review, ConsoleDates dates,
      Rejected rejected) {
    List<Link> entries = row.seqs().stream().map(s -> new Link(s, ConsoleLinks.entry(s))).toList();
    State state = review.map(r -> new State(r.outcome(), OutcomeGuide.label(r.outcome()),
            OutcomeGuide.tag(r.outcome()), false, r.reviewer(),
            r.at() == null ? null : dates.dateTime(r.at()), ConsoleLinks.entry(r.seq())))
        .orElse(new State(FindingFilter.NEW, "New", "govuk-tag--blue", true, null, null, null));
    List<Choice> outcomes = new ArrayList<>();
    String entered = rejected == null ? null : rejected.outcome();
    for (Outcome outcome : Outcome.values()) {
      String id = "outcome-" + row.id() + (outcome.ordinal() == 0 ? "" : "-" + outcome.name());
      outcomes.add(new Choice(outcome.name(), OutcomeGuide.label(outcome.name()),
          id, outcome.name().equals(entered)));
    }
    Form form = rejected == null ? new Form(outcomes, "", null, null)
        : new Form(outcomes, rejected.note(), rejected.outcomeError(), rejected.noteError());
    return new Item(row.id(), AuditLinks.anchor(row.id()), row.rule(), row.explanation(),
        row.actor(), ConsoleLinks.actor(row.actor()), row.team(), row.subject(),
        row.subject() == null ? null : ConsoleLinks.subject(row.subject()), entries,
        entries.size(), entries.size() > FEW_ENTRIES, state, form);
  }

  private static List<Option> ruleOptions(List<String> rules, FindingFilter filter) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any rule", filter.rule() == null));
    rules.forEach(r -> options.add(new Option(r, RuleGuide.titleOf(r), r.equals(filter.rule()))));
    return options;
  }

  private static List<Option> teamOptions(TreeSet<String> teams, FindingFilter filter) {
    if (filter.team() != null) {
      teams.add(filter.team()); // still offered, so the page shows what it filters by
    }
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any team", filter.team() == null));
    teams.forEach(t -> options.add(new Option(t, t, t.equals(filter.team()))));
    return options;
  }

  private static List<Option> stateOptions(FindingFilter filter) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("", "Any state", filter.state() == null));
    options.add(new Option(FindingFilter.NEW, "New (not reviewed)",
        FindingFilter.NEW.equals(filter.state())));
    for (Outcome outcome : Outcome.values()) {
      options.add(new Option(outcome.name(), OutcomeGuide.label(outcome.name()),
          outcome.name().equals(filter.state())));
    }
    return options;
  }
}
