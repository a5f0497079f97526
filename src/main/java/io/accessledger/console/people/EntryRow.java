package io.accessledger.console.people;

import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.entries.Allocation;
import io.accessledger.entries.AuditQuery;
import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.Header;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.Review;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.View;
import io.accessledger.query.LinkedEntries.Linked;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One entry as a row of a history table, in words: when (in the service's zone; as written when
 * it is not a time), what, by whom (linked to their page), their team, the record, the purpose and
 * legal basis, and the entry's own page. Every value is text; the templates escape it.
 *
 * @param subjects the children the entry names, linked: only the staff and record pages show
 *     them (a child's page MUST NOT show the other children a share decision names)
 * @param related another entry it points at (an extract's release), or null
 */
public record EntryRow(long seq, String entryHref, String when, String what, boolean breakGlass,
    String actor, String actorHref, String team, String record, String recordHref,
    List<Link> subjects, String purpose, String legalBasis, String relatedHref) {

  /** A linked name. */
  public record Link(String text, String href) {}

  static EntryRow of(Linked linked, ConsoleDates dates) {
    LedgerEvent event = linked.event();
    Header header = event.header();
    String when = header.at() != null ? dates.dateTime(header.at())
        : header.occurredAt() != null ? header.occurredAt() : "not recorded";
    String actor = header.actor().id();
    String record = null;
    String recordHref = null;
    boolean breakGlass = false;
    String related = null;
    if (event instanceof View view) {
      breakGlass = view.breakGlass();
      if (view.record().type() != null && view.record().id() != null) {
        record = view.record().type() + "/" + view.record().id();
        recordHref = ConsoleLinks.record(view.record().type(), view.record().id());
      }
    } else if (event instanceof ExtractSubject extract && extract.release() != null) {
      related = ConsoleLinks.entry(extract.release());
    }
    return new EntryRow(linked.seq(), ConsoleLinks.entry(linked.seq()), when, what(event), breakGlass,
        actor, ConsoleLinks.actor(actor), header.actor().team().orElse(null), record, recordHref,
        subjects(event).filter(Objects::nonNull).distinct()
            .map(id -> new Link(id, ConsoleLinks.subject(id))).toList(),
        header.purpose(), header.legalBasis().isEmpty() ? null
            : String.join(", ", header.legalBasis()), related);
  }

  /** What the entry records, in a few words. */
  static String what(LedgerEvent event) {
    if (event instanceof View view) {
      return view.breakGlass() ? "Viewed (break glass)" : "Viewed";
    } else if (event instanceof ShareDecision share) {
      String to = share.recipient().organisation();
      return "Share decision: " + words(share.decision()) + (to == null ? ""
          : ("SHARE".equals(share.decision()) ? " with " : ", recipient ") + to);
    } else if (event instanceof ExtractSubject) {
      return "Included in an extract release";
    } else if (event instanceof ExtractRelease release) {
      String to = release.recipient().organisation();
      return "Extract release" + (to == null ? "" : " to " + to)
          + (release.subjectCount() == null ? "" : " (" + release.subjectCount() + " children)");
    } else if (event instanceof Allocation allocation) {
      return "Allocation" + allocation.assignee().worker().map(w -> " to " + w)
          .or(() -> allocation.assignee().team().map(t -> " to team " + t)).orElse("");
    } else if (event instanceof CaseClosure) {
      return "Case closure";
    } else if (event instanceof AuditQuery query) {
      return "Read of the ledger: " + query.path();
    } else if (event instanceof Review review) {
      return "Review of finding " + review.finding() + ": " + words(review.outcome());
    }
    String type = event.header().type();
    return type == null ? "Entry of no type" : type;
  }

  private static Stream<String> subjects(LedgerEvent event) {
    if (event instanceof View view) {
      return Stream.of(view.subject());
    } else if (event instanceof ShareDecision share) {
      return share.subjects().stream();
    } else if (event instanceof ExtractSubject extract) {
      return Stream.of(extract.subject());
    } else if (event instanceof Allocation allocation) {
      return Stream.of(allocation.subject());
    } else if (event instanceof CaseClosure closure) {
      return Stream.of(closure.subject());
    }
    return Stream.empty();
  }

  /** A code as words: {@code DO_NOT_SHARE} is "do not share"; null is "not recorded". */
  static String words(String code) {
    return code == null ? "not recorded" : code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
  }
}
