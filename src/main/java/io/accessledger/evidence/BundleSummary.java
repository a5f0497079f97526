package io.accessledger.evidence;

import io.accessledger.entries.AuditQuery;
import io.accessledger.entries.CaseClosure;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.ExtractSubject;
import io.accessledger.entries.Header;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.entries.Person;
import io.accessledger.entries.Recipient;
import io.accessledger.entries.RecordRef;
import io.accessledger.entries.ShareDecision;
import io.accessledger.entries.View;
import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A short account of a verified bundle for a person: what was proven, then each entry in one or
 * two lines (when, what, who, which record, for what purpose, on what legal grounds, with labels
 * from the legal-basis vocabulary). It prints only what {@link BundleVerifier} checked.
 */
public final class BundleSummary {
  private final LegalBasisVocabulary vocabulary;

  public BundleSummary(LegalBasisVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * {@code text} safe to print on one line of a terminal: everything in it came from records
   * systems, so control and format characters (newlines, escape sequences, bidirectional
   * overrides, line separators) are shown as {@code \\uXXXX} and cannot forge or hide lines.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
          || type == Character.SURROGATE || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED || c == '\\') {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** As {@link #printable}, and every non-ASCII character escaped too: for the history's key. */
  static String ascii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        out.append((char) c);
      } else {
        out.append(String.format("\\u%04X", c));
      }
    });
    return out.toString();
  }

  public void print(VerifiedBundle bundle, PrintStream out) {
    out.println("VERIFIED: evidence bundle for " + ascii(bundle.key()));
    out.println("  log:       " + bundle.checkpoint().origin() + ", a signed tree of "
        + bundle.checkpoint().size() + " entries, root " + bundle.checkpoint().root().base64());
    long head = bundle.completeness().head();
    out.println("  complete:  " + bundle.entries().size() + " entries name " + ascii(bundle.key())
        + (head < 0 ? "; the log signed that none does" : "; the log signed that the latest is entry "
            + head));
    Header request = EventParser.parse(bundle.request()).header();
    out.println(printable("  asked by:  " + actor(request.actor()) + " at "
        + request.occurredAt() + ", recorded as entry " + bundle.request().seq()));
    if (!bundle.consistentFrom().isEmpty()) {
      out.println("  grew from: the signed trees of sizes " + bundle.consistentFrom().stream()
          .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
          + " (each proven a prefix of this one)");
    }
    if (bundle.keys().size() > 1) {
      out.println("  keys:      " + bundle.keys().stream().map(Object::toString)
          .collect(java.util.stream.Collectors.joining(" -> "))
          + " (each rotation signed by the key before it and proven in this tree)");
    }
    if (bundle.saved() != null) {
      out.println("  since:     the log extends the checkpoint you saved ("
          + bundle.saved().size() + " entries)");
    }
    out.println();
    for (LedgerEntry entry : bundle.entries()) {
      printEntry(entry, bundle.releases(), out);
    }
  }

  private void printEntry(LedgerEntry entry, Map<Long, LedgerEntry> releases, PrintStream out) {
    LedgerEvent event = EventParser.parse(entry);
    Header header = event.header();
    String type = String.valueOf(header.type());
    String by = actor(header.actor());
    String what;
    Optional<String> reason = Optional.empty();
    if (event instanceof View view) {
      what = by + " viewed " + record(view.record()) + (view.breakGlass() ? " (BREAK GLASS)" : "");
      reason = view.reason();
    } else if (event instanceof ShareDecision share) {
      what = by + " recorded a decision to " + share.decision() + " with "
          + organisation(share.recipient()) + " (grounds " + share.grounds() + ", consent "
          + share.consent() + ")";
    } else if (event instanceof ExtractSubject subject) {
      LedgerEntry release = subject.release() == null ? null : releases.get(subject.release());
      what = "included in extract "
          + (release == null ? "entry " + subject.release() + ", which is not in the bundle"
              : release(release));
    } else if (event instanceof AuditQuery query) {
      what = by + " queried "
          + (query.path() == null ? "the log" : query.path() + " " + query.parameters());
    } else {
      what = by + " " + type;
      if (event instanceof CaseClosure closure) {
        reason = closure.reason();
      }
    }
    out.println(printable("  #" + entry.seq() + "  " + header.occurredAt() + "  " + type
        + "  " + what));
    List<String> why = new ArrayList<>();
    if (header.purpose() != null) {
      why.add("purpose: " + header.purpose());
    }
    if (!header.legalBasis().isEmpty()) {
      why.add("legal basis: " + bases(header));
    }
    reason.ifPresent(text -> why.add("reason: " + text));
    if (!why.isEmpty()) {
      out.println(printable("        " + String.join(" | ", why)));
    }
  }

  private String release(LedgerEntry entry) {
    if (!(EventParser.parse(entry) instanceof ExtractRelease release)) {
      return "entry " + entry.seq() + ", which is not a release"; // the verifier refuses these
    }
    Header header = release.header();
    String line = header.eventId() + " (entry " + entry.seq() + ") released by "
        + actor(header.actor()) + " to " + organisation(release.recipient())
        + " under agreement " + release.agreement();
    if (!header.legalBasis().isEmpty()) {
      line += "; legal basis: " + bases(header);
    }
    return line;
  }

  /** The entry's legal bases, each with its label from the vocabulary. */
  private String bases(Header header) {
    return String.join("; ", header.legalBasis().stream().map(this::basis).toList());
  }

  private String basis(String code) {
    return vocabulary.find(code)
        .map(LegalBasis::label)
        .map(label -> code + " (" + label + ")")
        .orElse(code + " (not in this vocabulary)");
  }

  private static String actor(Person actor) {
    if (actor.equals(Person.NONE)) {
      return "an unnamed actor";
    }
    List<String> about = new ArrayList<>();
    actor.role().ifPresent(about::add);
    actor.team().ifPresent(about::add);
    String name = actor.displayName().map(display -> display + " [" + actor.id() + "]")
        .orElse(String.valueOf(actor.id()));
    return name + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
  }

  private static String record(RecordRef record) {
    return record.equals(RecordRef.NONE) ? "a record" : record.type() + "/" + record.id();
  }

  private static String organisation(Recipient recipient) {
    if (recipient.equals(Recipient.NONE)) {
      return "an unnamed recipient";
    }
    return recipient.organisation() + recipient.role().map(role -> " (" + role + ")").orElse("");
  }
}
