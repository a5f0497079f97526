package io.accessledger.console.entries;

import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.entries.Allocation;
import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.Person;
import io.accessledger.entries.Review;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.View;
import io.accessledger.ledger.leaf.LinkKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The links of an entry's page: whom and what the entry names (each child, member of staff,
 * record and other entry, with the console page of each), and, from the leaf's {@code links}, the
 * previous entry in each person's and record's chain. Names only what the entry itself holds.
 */
final class EntryLinks {
  /** One person, record or entry the event names, in the part it plays ("Child", "Approved by"). */
  record Named(String part, String name, String href) {}

  /**
   * One chain the entry is in: its link key, whose it is, and the previous entry naming them
   * ({@code previous} null when this is the first, the leaf's -1).
   */
  record Chain(String key, String kind, String name, String href, Long previous,
      String previousHref) {}

  private EntryLinks() {}

  /** Everyone and everything {@code event} names, the actor first. */
  static List<Named> named(LedgerEvent event) {
    List<Named> named = new ArrayList<>();
    person(named, "Recorded by", event.header().actor());
    if (event instanceof View view) {
      child(named, view.subject());
      if (view.record().type() != null && view.record().id() != null) {
        named.add(new Named("Record", view.record().type() + "/" + view.record().id(),
            ConsoleLinks.record(view.record().type(), view.record().id())));
      }
    } else if (event instanceof ShareDecision share) {
      share.subjects().forEach(id -> child(named, id));
      person(named, "Decided by", share.decidedBy());
      share.approvedBy().ifPresent(approver -> person(named, "Approved by", approver));
    } else if (event instanceof ExtractRelease release) {
      release.approvedBy().ifPresent(approver -> person(named, "Approved by", approver));
    } else if (event instanceof ExtractSubject subject) {
      child(named, subject.subject());
      entry(named, "The release", subject.release());
    } else if (event instanceof Allocation allocation) {
      child(named, allocation.subject());
      allocation.assignee().worker().ifPresent(worker ->
          named.add(new Named("Allocated to", worker, ConsoleLinks.actor(worker))));
    } else if (event instanceof CaseClosure closure) {
      child(named, closure.subject());
    } else if (event instanceof Review review) {
      entry(named, "The audit", review.audit());
      entry(named, "The finding's first entry", review.reviewed());
      if (review.concerningStaff() != null) {
        named.add(new Named("Finding about", review.concerningStaff(),
            ConsoleLinks.actor(review.concerningStaff())));
      }
      review.concerningSubject().ifPresent(id -> child(named, id));
    }
    return named;
  }

  /** The chains of {@code links} (the leaf's map, sorted by key), each with its previous entry. */
  static List<Chain> chains(Map<String, Long> links, LedgerEvent event) {
    List<Chain> chains = new ArrayList<>();
    for (Map.Entry<String, Long> link : new TreeMap<>(links).entrySet()) {
      String key = link.getKey();
      Long previous = link.getValue() == null || link.getValue() < 0 ? null : link.getValue();
      String previousHref = previous == null ? null : ConsoleLinks.entry(previous);
      int colon = key.indexOf(':');
      String kind = colon < 0 ? key : key.substring(0, colon);
      String name = colon < 0 ? key : key.substring(colon + 1);
      String href = switch (kind) {
        case "subject" -> ConsoleLinks.subject(name);
        case "actor" -> ConsoleLinks.actor(name);
        case "record" -> recordHref(name, event);
        default -> null;
      };
      String words = switch (kind) {
        case "subject" -> "Child";
        case "actor" -> "Staff member or client";
        case "record" -> "Record";
        default -> kind;
      };
      chains.add(new Chain(key, words, name, href, previous, previousHref));
    }
    return chains;
  }

  /**
   * The page of a {@code record:<type>/<id>} key: from the view's own record when it is that
   * key (a type may hold a slash), else split at the first slash.
   */
  private static String recordHref(String name, LedgerEvent event) {
    if (event instanceof View view && view.record().type() != null && view.record().id() != null
        && LinkKeys.recordKey(view.record().type(), view.record().id()).equals("record:" + name)) {
      return ConsoleLinks.record(view.record().type(), view.record().id());
    }
    int slash = name.indexOf('/');
    return slash <= 0 ? null : ConsoleLinks.record(name.substring(0, slash), name.substring(slash + 1));
  }

  private static void person(List<Named> named, String part, Person person) {
    if (person.id() != null) {
      String name = person.displayName().map(n -> n + " (" + person.id() + ")").orElse(person.id());
      named.add(new Named(part, name, ConsoleLinks.actor(person.id())));
    }
  }

  private static void child(List<Named> named, String id) {
    if (id != null) {
      named.add(new Named("Child", id, ConsoleLinks.subject(id)));
    }
  }

  private static void entry(List<Named> named, String part, Long seq) {
    if (seq != null && seq >= 0) {
      named.add(new Named(part, "entry " + seq, ConsoleLinks.entry(seq)));
    }
  }
}
