package io.accessledger.console.people;

import io.accessledger.audit.Finding;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.NeedToKnowAudits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The need-to-know findings about one member of staff that this process remembers: those of the
 * latest audit runs ({@link LedgerActivity#latestRuns}) whose findings {@link
 * NeedToKnowAudits#remembered} still holds, newest run first, each finding once. Each links to
 * the audit page of its run's period, at the finding ({@code #} and the finding's id), or, for a
 * run whose period is not whole days, to the run's own entry. Nothing is run or read here.
 *
 * @param remembered whether any run's findings are remembered at all (if not, the page offers to
 *     run the audit)
 */
public record ActorFindings(boolean remembered, List<Item> items, int total) {
  /** How many of the latest runs are looked at: as many as the audits remember. */
  static final int RUNS = 32;
  /**
   * Findings listed at most: a month's audit can find thousands about one person (every view of
   * a mass trawl), which the audit page pages; this page lists the first and counts the rest.
   */
  static final int SHOWN = 100;

  /** One finding, with its state (its latest review's outcome, or "new"). */
  public record Item(String id, String rule, String explanation, String subject,
      String subjectHref, String period, String href, String state) {}

  public ActorFindings {
    items = List.copyOf(items);
  }

  public boolean none() {
    return items.isEmpty();
  }

  /** Whether some findings are counted but not listed. */
  public boolean more() {
    return total > items.size();
  }

  static ActorFindings about(String actor, LedgerActivity activity, NeedToKnowAudits audits,
      ConsoleDates dates) {
    boolean remembered = false;
    Set<String> seen = new HashSet<>();
    List<Item> items = new ArrayList<>();
    int[] total = {0};
    for (LedgerActivity.AuditRun run : activity.latestRuns(RUNS)) {
      Optional<Collection<Finding>> findings = audits.remembered(run.seq());
      if (findings.isEmpty()) {
        continue;
      }
      remembered = true;
      Optional<ConsoleDates.Span> span = dates.spanOf(run.from(), run.to());
      String period = span.map(s -> s.fromText() + " to " + s.toText())
          .orElse(run.from() + " to " + run.to());
      String page = span.map(s -> "/console/audits?from=" + s.from() + "&to=" + s.to())
          .orElse(null);
      findings.get().stream()
          .filter(f -> actor.equals(f.actor()) && seen.add(f.id()))
          .sorted(java.util.Comparator.comparing(Finding::id))
          .peek(f -> total[0]++)
          .filter(f -> items.size() < SHOWN)
          .forEach(f -> items.add(new Item(f.id(), f.rule().name(), f.explanation(), f.subject(),
              ConsoleLinks.subject(f.subject()), period,
              page != null ? page + "&at=" + ConsoleLinks.segment(f.id()) + "#finding-"
                  + ConsoleLinks.segment(f.id()) : ConsoleLinks.entry(run.seq()),
              activity.latestReview(f.id()).map(r -> EntryRow.words(r.outcome()) + " (reviewed"
                  + " by " + r.reviewer() + ")").orElse("new"))));
    }
    return new ActorFindings(remembered, items, total[0]);
  }
}
