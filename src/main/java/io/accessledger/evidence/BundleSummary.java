package io.accessledger.evidence;

import io.accessledger.events.LegalBasis;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.leaf.LedgerEntry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> request = bundle.request().event();
    out.println(printable("  asked by:  " + actor(request) + " at " + request.get("occurredAt")
        + ", recorded as entry " + bundle.request().seq()));
    if (!bundle.consistentFrom().isEmpty()) {
      out.println("  grew from: the signed trees of sizes " + bundle.consistentFrom().stream()
          .map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
          + " (each proven a prefix of this one)");
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
    Map<String, Object> event = entry.event();
    String type = String.valueOf(event.get("type"));
    String what = switch (type) {
      case "VIEW" -> actor(event) + " viewed " + record(event)
          + (Boolean.TRUE.equals(event.get("breakGlass")) ? " (BREAK GLASS)" : "");
      case "SHARE_DECISION" -> actor(event) + " recorded a decision to " + event.get("decision")
          + " with " + organisation(event.get("recipient")) + " (grounds " + event.get("grounds")
          + ", consent " + event.get("consent") + ")";
      case "EXTRACT_SUBJECT" -> "included in extract "
          + release(releases.get((Long) event.get("release")));
      case "AUDIT_QUERY" -> actor(event) + " queried "
          + (event.get("query") instanceof Map<?, ?> q ? q.get("path") + " " + q.get("parameters")
              : "the log");
      default -> actor(event) + " " + type;
    };
    out.println(printable("  #" + entry.seq() + "  " + event.get("occurredAt") + "  " + type
        + "  " + what));
    List<String> why = new ArrayList<>();
    if (event.get("purpose") instanceof String purpose) {
      why.add("purpose: " + purpose);
    }
    if (event.get("legalBasis") instanceof List<?> codes) {
      why.add("legal basis: " + String.join("; ", codes.stream().map(this::basis).toList()));
    }
    if (event.get("reason") instanceof String reason) {
      why.add("reason: " + reason);
    }
    if (!why.isEmpty()) {
      out.println(printable("        " + String.join(" | ", why)));
    }
  }

  private String release(LedgerEntry release) {
    Map<String, Object> event = release.event();
    String line = event.get("eventId") + " (entry " + release.seq() + ") released by "
        + actor(event) + " to " + organisation(event.get("recipient")) + " under agreement "
        + event.get("agreement");
    if (event.get("legalBasis") instanceof List<?> codes) {
      line += "; legal basis: " + String.join("; ", codes.stream().map(this::basis).toList());
    }
    return line;
  }

  private String basis(Object code) {
    return vocabulary.find(String.valueOf(code))
        .map(LegalBasis::label)
        .map(label -> code + " (" + label + ")")
        .orElse(code + " (not in this vocabulary)");
  }

  private static String actor(Map<String, Object> event) {
    if (!(event.get("actor") instanceof Map<?, ?> actor)) {
      return "an unnamed actor";
    }
    List<String> about = new ArrayList<>();
    for (String field : List.of("role", "team")) {
      if (actor.get(field) instanceof String value) {
        about.add(value);
      }
    }
    String name = actor.get("displayName") instanceof String display
        ? display + " [" + actor.get("id") + "]" : String.valueOf(actor.get("id"));
    return name + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
  }

  private static String record(Map<String, Object> event) {
    return event.get("record") instanceof Map<?, ?> r ? r.get("type") + "/" + r.get("id")
        : "a record";
  }

  private static String organisation(Object recipient) {
    if (!(recipient instanceof Map<?, ?> r)) {
      return "an unnamed recipient";
    }
    return r.get("organisation") + (r.get("role") instanceof String role ? " (" + role + ")" : "");
  }
}
