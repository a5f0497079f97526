package io.accessledger.report;

import static io.accessledger.report.Html.text;
import static io.accessledger.report.Html.untrusted;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An {@link AccessReport} as one self-contained HTML page for a parent or young person: plain
 * English, inline CSS, nothing fetched from anywhere (its own Content-Security-Policy forbids it,
 * so the saved file behaves the same), printable. Every string from the ledger goes through
 * {@link Html}, so text a records system sent cannot become markup. Times are shown in the service's zone
 * ({@code ledger.zone}), named as the renderer is told ("UK time" for the default).
 * The page prints each line's ledger reference (entry number and leaf hash), the signed
 * checkpoint, the completeness statement and the verifier key, and says how to have it checked;
 * it prints no proofs and no leaves (the JSON form carries them).
 */
public final class AccessReportHtml {
  /** The page's own policy: no scripts, no fetches, no frames; only its inline style. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  /** {@link #renderLinked}'s policy: as {@link #CONTENT_SECURITY_POLICY}, its style from the host. */
  public static final String LINKED_CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;line-height:1.5;\
      color:#111;background:#fff;max-width:62rem;margin:2rem auto;padding:0 1rem}
      h1{font-size:1.8rem;margin-bottom:.5rem}
      h2{font-size:1.35rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.5rem}
      h3{font-size:1.1rem;margin:0 0 .4rem}
      table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0}
      th,td{border:1px solid #999;padding:.35rem .5rem;text-align:left;vertical-align:top}
      th{background:#eee}
      .item{border:1px solid #999;border-radius:4px;padding:.75rem 1rem;margin:1rem 0}
      dl{display:grid;grid-template-columns:15rem 1fr;gap:.3rem 1rem;margin:0}
      dt{font-weight:bold}
      dd{margin:0}
      ul{margin:0;padding-left:1.2rem}
      code,pre,.ref{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;\
      overflow-wrap:anywhere}
      pre{white-space:pre-wrap;background:#f4f4f4;border:1px solid #ccc;padding:.5rem}
      .alert{font-weight:bold}
      .muted{color:#444}
      @media print{body{margin:0;max-width:none;font-size:10.5pt}h2,h3{break-after:avoid}\
      tr,.item,pre{break-inside:avoid}th{background:none}pre{background:none}}
      """;

  private final ZoneId zone;
  private final String zoneName;

  /**
   * @param zone the zone local times are shown in ({@code ledger.zone})
   * @param zoneName how the page names it to the family, such as "UK time"
   */
  public AccessReportHtml(ZoneId zone, String zoneName) {
    this.zone = zone;
    this.zoneName = zoneName;
  }

  /** The page, as one string. */
  public String render(AccessReport report) {
    return render(report, CONTENT_SECURITY_POLICY, "<style>\n" + STYLE + "</style>\n");
  }

  /**
   * The same page with its stylesheet ({@link #stylesheet}) linked from {@code stylesheetHref}, a
   * path on the host that serves it, instead of inline, under {@link #LINKED_CONTENT_SECURITY_POLICY}:
   * for a host whose own policy forbids inline style (the console). Nothing else differs.
   */
  public String renderLinked(AccessReport report, String stylesheetHref) {
    return render(report, LINKED_CONTENT_SECURITY_POLICY,
        "<link rel=\"stylesheet\" href=\"" + text(stylesheetHref) + "\">\n");
  }

  /** The rules {@link #render} inlines, for a host that serves them as a file. */
  public static String stylesheet() {
    return STYLE;
  }

  private String render(AccessReport report, String policy, String style) {
    StringBuilder page = new StringBuilder(16_384);
    page.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(text(policy)).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Who has seen your record</title>\n").append(style)
        .append("</head>\n<body>\n");
    introduction(page, report);
    views(page, report);
    shares(page, report);
    extracts(page, report);
    others(page, report);
    checks(page, report);
    names(page, report);
    howToCheck(page, report);
    page.append("</body>\n</html>\n");
    return page.toString();
  }

  private void introduction(StringBuilder page, AccessReport report) {
    page.append("<h1>Who has seen your record</h1>\n<p>This report is about the children's social"
            + " care record of ").append("<strong>").append(untrusted(report.subject()))
        .append("</strong>. It comes from the council's <em>access ledger</em>: a log of every"
            + " time someone looks at a child's record, every decision to share information"
            + " without the family's agreement, and every release of data to another"
            + " organisation. Nothing in the ledger can be changed or removed afterwards without"
            + " it showing.</p>\n<p>It was produced on ").append(text(when(report.producedAt())))
        .append(" (").append(text(zoneName)).append("). Asked for by: ").append(staff(report.requestedBy()))
        .append(".</p>\n<p>");
    if (report.from() == null && report.to() == null) {
      page.append("It covers everything the ledger held about you at that moment.");
    } else {
      page.append("It covers what happened ")
          .append(report.from() == null ? "" : "from " + text(when(report.from())))
          .append(report.from() != null && report.to() != null ? " " : "")
          .append(report.to() == null ? "" : "until " + text(when(report.to())))
          .append(" (").append(text(zoneName)).append(") only.");
    }
    page.append("</p>\n<ul>\n")
        .append(count(report.views().size(), "time someone looked", "times someone looked"))
        .append(" at your record</li>\n")
        .append(count(report.shares().size(), "decision", "decisions"))
        .append(" about sharing your information</li>\n")
        .append(count(report.extracts().size(), "data extract", "data extracts"))
        .append(" that included you</li>\n")
        .append(count(report.auditorChecks().size(), "check", "checks"))
        .append(" of your record by auditors</li>\n</ul>\n");
  }

  private String count(int n, String one, String many) {
    return "<li><strong>" + n + "</strong> " + (n == 1 ? one : many);
  }

  private void views(StringBuilder page, AccessReport report) {
    page.append("<h2>Who looked at your record</h2>\n");
    if (report.views().isEmpty()) {
      page.append("<p>No one looked at your record").append(inPeriod(report)).append(".</p>\n");
      return;
    }
    page.append("<p>Each row is one time a member of staff opened part of your record, with the"
        + " reason they gave and the parts of the law that allow it.</p>\n<table>\n<thead><tr>"
        + "<th>When</th><th>Who</th><th>What they looked at</th><th>Why</th>"
        + "<th>Legal grounds</th><th>Ledger entry</th></tr></thead>\n<tbody>\n");
    for (ViewItem view : report.views()) {
      page.append("<tr><td>").append(text(when(view.occurredAt()))).append("</td><td>")
          .append(staff(view.viewer())).append("</td><td>")
          .append(untrusted(Wording.capitalised(Wording.words(view.recordType()))))
          .append(" <span class=\"muted\">(").append(untrusted(view.recordId()))
          .append(")</span></td><td>").append(untrusted(view.purpose()));
      if (view.breakGlass()) {
        page.append("<p class=\"alert\">Emergency access (\"break glass\"): the usual access"
            + " rules were overridden. Reason given: ").append(untrusted(view.reason()))
            .append("</p>");
      } else if (view.reason() != null) {
        page.append("<p>Reason given: ").append(untrusted(view.reason())).append("</p>");
      }
      page.append("</td><td>").append(grounds(view.legalBasis())).append("</td><td>")
          .append(ref(view.entry())).append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
  }

  private void shares(StringBuilder page, AccessReport report) {
    page.append("<h2>When your information was shared</h2>\n");
    if (report.shares().isEmpty()) {
      page.append("<p>No decision about sharing your information without your agreement was"
          + " recorded").append(inPeriod(report)).append(".</p>\n");
      return;
    }
    page.append("<p>Sometimes the council decides to share information, or decides not to,"
        + " without the family's agreement: for example when a child may be at risk of serious"
        + " harm. The law expects every such decision and its reasons to be written down.</p>\n");
    for (ShareItem share : report.shares()) {
      page.append("<div class=\"item\">\n<h3>").append(text(when(share.occurredAt())))
          .append(": a decision ").append(untrusted(label(share.decision())))
          .append(" information with ").append(recipient(share.recipient()))
          .append("</h3>\n<dl>\n");
      row(page, "Why it was needed", untrusted(share.purpose()));
      row(page, "The reasons recorded", untrusted(share.rationale()));
      row(page, "Grounds", untrusted(label(share.grounds())));
      row(page, "Your agreement", untrusted(Wording.capitalised(label(share.consent())))
          + (share.consentReason() == null ? "" : ": " + untrusted(share.consentReason())));
      row(page, "Information concerned", list(share.dataShared()));
      row(page, "Decided by", staff(share.decidedBy()));
      row(page, "Approved by", share.approvedBy() == null
          ? "No second person's approval was recorded." : staff(share.approvedBy()));
      row(page, "Recorded by", staff(share.recordedBy()));
      if (share.subjectInformed() != null) {
        row(page, "Were you told?", share.subjectInformed() ? "Yes."
            : "No. Reason given: " + untrusted(share.notInformedReason()));
      }
      if (share.courtOrder() != null) {
        row(page, "Court order", untrusted(share.courtOrder().court()) + ", reference "
            + untrusted(share.courtOrder().reference()) + ", dated "
            + untrusted(share.courtOrder().date()));
      }
      row(page, "Legal grounds", grounds(share.legalBasis()));
      row(page, "Ledger entry", ref(share.entry()));
      page.append("</dl>\n</div>\n");
    }
  }

  private void extracts(StringBuilder page, AccessReport report) {
    page.append("<h2>Data extracts that included you</h2>\n");
    if (report.extracts().isEmpty()) {
      page.append("<p>No data extract that included you was released").append(inPeriod(report))
          .append(".</p>\n");
      return;
    }
    page.append("<p>A data extract is a set of information about many children, released to"
        + " another organisation (for example to evaluate a service) under a written data-sharing"
        + " agreement. These are the extracts your information was part of. The ledger does not"
        + " say who else was in them.</p>\n");
    for (ExtractItem extract : report.extracts()) {
      page.append("<div class=\"item\">\n<h3>").append(text(when(extract.occurredAt())))
          .append(": data released to ").append(recipient(extract.recipient()))
          .append("</h3>\n<dl>\n");
      row(page, "Why", untrusted(extract.purpose()));
      row(page, "Data-sharing agreement", untrusted(extract.agreement()));
      row(page, "Dataset", untrusted(extract.dataset()) + ", covering "
          + untrusted(extract.periodFrom()) + " to " + untrusted(extract.periodTo()));
      row(page, "Kinds of information", list(extract.categories()));
      row(page, "Were names removed?", extract.pseudonymised()
          ? "Yes: it was pseudonymised. Names and other details that identify you directly were"
              + " replaced before it was released."
          : "<span class=\"alert\">No: the data was not pseudonymised, so it could identify you"
              + " directly.</span>");
      row(page, "Released by", staff(extract.releasedBy()));
      if (extract.approvedBy() != null) {
        row(page, "Approved by", staff(extract.approvedBy()));
      }
      row(page, "Legal grounds", grounds(extract.legalBasis()));
      row(page, "Ledger entries", ref(extract.entry()) + " (you were included), "
          + ref(extract.release()) + " (the release)");
      page.append("</dl>\n</div>\n");
    }
  }

  private void others(StringBuilder page, AccessReport report) {
    if (report.otherEntries().isEmpty()) {
      return;
    }
    page.append("<h2>Other entries about your record</h2>\n<table>\n<thead><tr><th>When</th>"
        + "<th>What</th><th>Recorded by</th><th>Why</th><th>Legal grounds</th>"
        + "<th>Ledger entry</th></tr></thead>\n<tbody>\n");
    for (OtherItem other : report.otherEntries()) {
      page.append("<tr><td>").append(text(when(other.occurredAt()))).append("</td><td>")
          .append(untrusted(Wording.capitalised(label(other.type())))).append("</td><td>")
          .append(staff(other.actor())).append("</td><td>")
          .append(untrusted(other.purpose())).append("</td><td>")
          .append(grounds(other.legalBasis())).append("</td><td>").append(ref(other.entry()))
          .append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
  }

  private void checks(StringBuilder page, AccessReport report) {
    page.append("<h2>Checks of this record by auditors</h2>\n<p>The council's data protection"
        + " officer, its auditors and outside investigators (such as the Information"
        + " Commissioner's Office) can read the ledger, and the ledger records every time they do."
        + " These are the times someone asked it about your record in particular, not counting"
        + " the request for this report. Reports covering everyone, such as lists of all sharing"
        + " decisions, are not included.</p>\n");
    if (report.auditorChecks().isEmpty()) {
      page.append("<p>No one checked your record in the ledger").append(inPeriod(report))
          .append(".</p>\n");
      return;
    }
    page.append("<table>\n<thead><tr><th>When</th><th>Who</th><th>What they did</th>"
        + "<th>Ledger entry</th></tr></thead>\n<tbody>\n");
    for (AuditorCheck check : report.auditorChecks()) {
      page.append("<tr><td>").append(text(when(check.occurredAt()))).append("</td><td>")
          .append(staff(check.by())).append("</td><td>")
          .append(text(Wording.capitalised(check.asked()))).append("</td><td>")
          .append(ref(check.entry())).append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n");
  }

  private void names(StringBuilder page, AccessReport report) {
    page.append("<h2>About the names in this report</h2>\n<p>");
    page.append(switch (report.staffNames()) {
      case SHOW -> "Staff are named as the council's systems recorded them, with their job"
          + " and team.";
      case ROLE_ONLY -> "Staff are shown by their job and team, not by name. If you need to know"
          + " who someone is, ask the council's data protection officer.";
      case PSEUDONYM -> "Staff are shown by their job, their team and a letter instead of their"
          + " name: \"Social worker A\" is the same person everywhere in this report, and"
          + " \"Social worker B\" is someone else. The letters are given afresh for each report,"
          + " so they cannot be compared between reports. If you need to know who someone is,"
          + " ask the council's data protection officer.";
    });
    page.append("</p>\n");
  }

  private void howToCheck(StringBuilder page, AccessReport report) {
    ReportEvidence evidence = report.evidence();
    page.append("<h2>How to check this report</h2>\n<p>Every line of this report comes from an"
        + " entry in the ledger. Each entry has a number and a fingerprint (its SHA-256"
        + " <em>leaf hash</em>): changing a single character of an entry changes its"
        + " fingerprint. The ledger signs a <em>checkpoint</em> that covers all of its entries,"
        + " and it signed a <em>completeness statement</em> that ")
        .append(evidence.head() < 0 ? "no entry names you"
            : "entry " + evidence.head() + " is the latest entry about you")
        .append(", so no entry about you can be hidden or removed without it showing.</p>\n")
        .append("<p>You do not have to take the council's word for this. Ask its data"
            + " protection officer for an <em>evidence bundle</em> of your record, and give it"
            + " with this report to someone you trust to check it, such as the Information"
            + " Commissioner's Office or a solicitor. They:</p>\n<ol>\n")
        .append("<li>get the ledger's verifier key from the council's published records, not from"
            + " this report, and make sure it is the key printed below;</li>\n")
        .append("<li>save the signed checkpoint below as a text file, for example"
            + " <code>checkpoint.txt</code>, ending with a line break;</li>\n")
        .append("<li>ask for the bundle with <code>since=").append(evidence.treeSize())
        .append("</code> and run <code>java -jar access-ledger.jar verify-bundle bundle.json"
            + " --key KEY --since checkpoint.txt</code>, which proves that the bundle holds every"
            + " entry about you and that the ledger has only grown since this report was"
            + " made;</li>\n")
        .append("<li>find each entry number and fingerprint listed below in the bundle.</li>\n"
            + "</ol>\n");
    if (!evidence.complete()) {
      page.append("<p>This report covers part of the time only. The bundle holds every entry"
          + " about you; the checker can pick out the ones in this period.</p>\n");
    }
    page.append("<p class=\"muted\">The checks by auditors were found by searching the whole"
        + " ledger. Each of them is a real, signed entry, but the completeness statement covers"
        + " only the entries that name you, which are the other lines of this report.</p>\n");
    page.append("<h3>Ledger references</h3>\n<table>\n<thead><tr><th>Entry</th>"
        + "<th>Fingerprint (leaf hash)</th><th>What it records</th></tr></thead>\n<tbody>\n");
    for (Reference reference : references(report)) {
      page.append("<tr><td>").append(reference.ref().seq()).append("</td><td class=\"ref\">")
          .append(text(reference.ref().leafHash())).append("</td><td>")
          .append(text(reference.what())).append("</td></tr>\n");
    }
    page.append("</tbody>\n</table>\n<h3>Signed checkpoint</h3>\n<p>The ledger's signed"
            + " statement of its contents when this report was made: ")
        .append(evidence.treeSize()).append(" entries.</p>\n<pre>")
        .append(text(evidence.checkpoint()))
        .append("</pre>\n<h3>Completeness statement</h3>\n<pre>")
        .append(text(evidence.completeness())).append("</pre>\n<h3>Verifier key</h3>\n<p><code>")
        .append(text(evidence.verifierKey())).append("</code></p>\n");
  }

  /** One row of the references table. */
  private record Reference(Ref ref, String what) {}

  private List<Reference> references(AccessReport report) {
    List<Reference> all = new ArrayList<>();
    report.views().forEach(v -> all.add(new Reference(v.entry(),
        "Someone looked at your record on " + day(v.occurredAt()))));
    report.shares().forEach(s -> all.add(new Reference(s.entry(),
        "A decision about sharing your information on " + day(s.occurredAt()))));
    for (ExtractItem extract : report.extracts()) {
      all.add(new Reference(extract.entry(), "You were included in the data extract released on "
          + day(extract.occurredAt())));
      all.add(new Reference(extract.release(), "The release of that extract (it names no one)"));
    }
    report.otherEntries().forEach(o -> all.add(new Reference(o.entry(),
        Wording.capitalised(label(o.type())) + " on " + day(o.occurredAt()))));
    report.auditorChecks().forEach(c -> all.add(new Reference(c.entry(),
        "A check of your record in the ledger on " + day(c.occurredAt()))));
    all.add(new Reference(report.request(), "The request for this report"));
    // A release shared by two of the child's extract entries is listed once.
    return all.stream()
        .collect(Collectors.toMap(r -> r.ref().seq(), r -> r, (a, b) -> a))
        .values().stream().sorted(Comparator.comparingLong(r -> r.ref().seq())).toList();
  }

  private void row(StringBuilder page, String term, String html) {
    page.append("<dt>").append(term).append("</dt><dd>").append(html).append("</dd>\n");
  }

  /**
   * A member of staff in words: the name or label the policy allows, then the role and team,
   * which are always shown ("Social worker A, team north-cin"; under ROLE_ONLY "Social worker,
   * team north-cin").
   */
  private String staff(Staff staff) {
    if (staff == null) {
      return "Not recorded";
    }
    String role = Wording.words(staff.role());
    StringBuilder out = new StringBuilder();
    if (staff.pseudonym() != null) {
      out.append(untrusted(staff.pseudonym()));
      if (role != null && !staff.pseudonym().startsWith(Wording.capitalised(role) + " ")) {
        out.append(", ").append(untrusted(role));
      }
    } else if (staff.id() != null || staff.name() != null) {
      out.append(staff.name() == null ? "Staff id " + untrusted(staff.id())
          : untrusted(staff.name()) + (staff.id() == null ? ""
              : " <span class=\"muted\">(staff id " + untrusted(staff.id()) + ")</span>"));
      if (role != null) {
        out.append(", ").append(untrusted(role));
      }
    } else {
      out.append(untrusted(role == null ? "Member of staff" : Wording.capitalised(role)));
    }
    if (staff.team() != null) {
      out.append(", team ").append(untrusted(staff.team()));
    }
    return out.toString();
  }

  private String recipient(Recipient recipient) {
    if (recipient == null) {
      return "an organisation that was not recorded";
    }
    return untrusted(recipient.organisation())
        + (recipient.role() == null ? "" : " (" + untrusted(recipient.role()) + ")");
  }

  private String grounds(List<Ground> grounds) {
    if (grounds.isEmpty()) {
      return "None recorded";
    }
    StringBuilder out = new StringBuilder("<ul>");
    for (Ground ground : grounds) {
      out.append("<li>").append(ground.label() == null
              ? "<span class=\"alert\">a code the council's list does not explain</span>"
              : untrusted(Wording.capitalised(ground.label())))
          .append(" <code>").append(text(ground.code())).append("</code></li>");
    }
    return out.append("</ul>").toString();
  }

  private String list(List<String> items) {
    if (items.isEmpty()) {
      return "None recorded";
    }
    return items.stream().map(i -> "<li>" + untrusted(Wording.words(i)) + "</li>")
        .collect(Collectors.joining("", "<ul>", "</ul>"));
  }

  private String ref(Ref ref) {
    return "<span class=\"ref\">entry " + ref.seq() + "</span>";
  }

  private String label(Coded coded) {
    return coded == null ? "not recorded" : coded.label();
  }

  private String inPeriod(AccessReport report) {
    return report.from() == null && report.to() == null ? "" : " in this period";
  }

  /** An RFC 3339 time in the service's zone, in words; the text itself when it is not one. */
  String when(String time) {
    return format(time, WHEN);
  }

  private String day(String time) {
    return format(time, DAY);
  }

  private String format(String time, DateTimeFormatter format) {
    if (time == null) {
      return "an unrecorded time";
    }
    try {
      return format.format(Instant.parse(time).atZone(zone));
    } catch (DateTimeParseException e) {
      return time;
    }
  }
}
