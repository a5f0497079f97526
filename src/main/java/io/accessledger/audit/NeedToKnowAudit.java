package io.accessledger.audit;

import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.View;
import io.accessledger.ledger.leaf.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The need-to-know audit over one period (contract section 5), as a pure computation: feed it
 * every entry of the log in {@code seq} order with {@link #accept}, then ask for {@link
 * #findings}, which runs the rules the policy turns on (one class each, {@link NeedToKnowRule})
 * over the views. Allocations and closures are taken from the whole log, whenever they were posted
 * (an allocation recorded late still explains a view it covers); views are those whose
 * {@code occurredAt} lies in {@code [from, to)}.
 *
 * <p>Memory: the allocations and closures of the whole log, and about 150 bytes per view in the
 * period with its hour and day windows (about 150 MB for a million views). Not thread-safe.
 */
public final class NeedToKnowAudit {
  private final NeedToKnowPolicy policy;
  private final Instant from;
  private final Instant to;
  private final List<NeedToKnowRule> rules;
  private final Names names = new Names();
  private final CaseRecords cases = new CaseRecords(names);
  private final List<ViewEntry> views = new ArrayList<>();
  private int unreadable;

  public NeedToKnowAudit(NeedToKnowPolicy policy, Instant from, Instant to) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the period must end after it starts: " + from + " to "
          + to);
    }
    this.from = from;
    this.to = to;
    this.rules = NeedToKnowRule.configured(policy);
  }

  /** Takes the next entry of the log; entries of other types are ignored. */
  public void accept(LedgerEntry entry) {
    accept(entry, EventParser.parse(entry));
  }

  /** Takes the next entry of the log, already typed: {@code event} is {@code entry}'s event. */
  public void accept(LedgerEntry entry, LedgerEvent event) {
    if (event instanceof View view) {
      view(entry.seq(), view);
    } else if (event instanceof io.accessledger.entries.Allocation allocation) {
      cases.allocation(entry.seq(), entry.source(), allocation);
    } else if (event instanceof CaseClosure closure) {
      cases.closure(entry.seq(), closure);
    }
  }

  private void view(long seq, View event) {
    Instant at = event.header().at();
    if (at == null || at.isBefore(from) || !at.isBefore(to)) {
      return;
    }
    ViewEntry view = ViewEntry.of(seq, event, names);
    if (view == null) {
      unreadable++; // ingest refuses these; a stored one is reported, not a reason to fail
      return;
    }
    views.add(view);
  }

  /** Stored views this audit could not read (no viewer or no subject); ingest refuses them. */
  public int unreadable() {
    return unreadable;
  }

  /** The findings, ordered by their first supporting entry, then by rule. */
  public List<Finding> findings() {
    List<Finding> findings = new ArrayList<>();
    for (ViewEntry view : views) {
      CaseFacts facts = cases.about(view, policy);
      for (NeedToKnowRule rule : rules) {
        Optional<Finding> finding = rule.check(view, facts);
        if (finding.isPresent()) {
          findings.add(finding.get());
        }
      }
    }
    for (NeedToKnowRule rule : rules) {
      findings.addAll(rule.overPeriod(views));
    }
    findings.sort(Comparator.comparing((Finding f) -> f.seqs().get(0))
        .thenComparing(Finding::rule));
    return findings;
  }
}
