package io.accessledger.console.people;

import io.accessledger.auth.Roles;
import io.accessledger.console.charts.StackedBarChart;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.Page;
import io.accessledger.entries.View;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.query.AccessReportRequest;
import io.accessledger.query.AccessReportSources;
import io.accessledger.query.LinkedEntries;
import io.accessledger.report.AccessReportBuilder;
import io.accessledger.report.AccessReportHtml;
import io.accessledger.services.LedgerServices;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /console/subjects/{id}}: a child's history, a page of 100 entries newest first
 * ({@code before}/{@code after} an entry number for the older and newer pages), and its timeline
 * (views per week by team, share decisions and extracts marked) as a chart and a table; with links
 * to the child's subject access report and evidence bundle (both below).
 *
 * <p>Recorded as the API records the same history, {@code /v1/subjects/{id}/events}, with the
 * page's parameters, after they are checked (a bad one is refused and writes nothing) and before
 * anything is read. A child no entry names has an empty history, not an error: the page cannot
 * tell a child the ledger never heard of from one it has not heard of yet.
 */
@Path("subjects/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
public final class SubjectResource {
  /** Where the console serves the access report's rules. */
  static final String STYLESHEET = "/console/assets/access-report.css";

  private final LinkedEntries linked;
  private final AccessReportSources reportSources;
  private final AccessReportBuilder reportBuilder;
  private final AccessReportHtml html;
  private final EvidenceDownload evidence;
  private final ConsoleReads reads;
  private final ConsoleDates dates;

  public SubjectResource(LedgerServices services, ConsoleReads reads, ConsoleDates dates) {
    this.linked = services.linkedEntries();
    this.reportSources = services.reportSources();
    this.reportBuilder = services.reportBuilder();
    this.html = new AccessReportHtml(services.zone(), services.zoneName());
    this.evidence = new EvidenceDownload(services.evidence(), reads);
    this.reads = reads;
    this.dates = dates;
  }

  @GET
  public Page subject(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("id") String id) {
    PageRequest.checkId("the child's id", id);
    PageRequest page = PageRequest.parse(uri.getQueryParameters());
    ConsoleSession session = ConsoleRequest.session(request);
    long auditSeq = reads.record(session, "/v1/subjects/" + id + "/events", page.parameters())
        .seq();

    SubjectTimeline timeline = new SubjectTimeline(dates);
    AtomicLong views = new AtomicLong();
    LinkedEntries.Page read = linked.read(LinkKeys.subjectKey(id), page.window(), entry -> {
      timeline.accept(entry);
      if (View.TYPE.equals(entry.type())) {
        views.incrementAndGet();
      }
    });
    List<EntryRow> rows = new ArrayList<>();
    read.entries().forEach(entry -> rows.add(EntryRow.of(entry, dates)));
    StackedBarChart chart = timeline.chart();
    List<String> series = chart.legend().stream().map(StackedBarChart.Series::name).toList();
    String self = ConsoleLinks.subject(id);
    return new Page("subject", "Child " + id, new SubjectPage(id, auditSeq, read.total(),
        views.get(), Pager.of(self, read, page), rows, chart, series, timeline.table(chart),
        self + "/access-report", self + "/evidence"));
  }

  /**
   * {@code GET /console/subjects/{id}/access-report}: the child's subject access report, the
   * same HTML page {@code GET /v1/subjects/{id}/access-report} gives (with {@code from} and
   * {@code to} as there), recorded as the API records it, with its stylesheet linked (the
   * console's policy forbids inline style) and its print rules for saving as PDF.
   *
   * <p>Investigators may read it here, though the API keeps it for auditors: every fact in it
   * (the child's entries, and the auditors' checks of them, which are entries of the auditors'
   * own histories) is one an investigator may already read, and an investigator looking into a
   * complaint about a subject access request needs to see what the family is sent. The read is
   * recorded with the investigator's role, so the ledger shows who did.
   */
  @GET
  @Path("access-report")
  public Response accessReport(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("id") String id) {
    Map<String, String> parameters =
        PageRequest.parameters(uri.getQueryParameters(), AccessReportRequest.PARAMETERS);
    AccessReportRequest report = AccessReportRequest.parse(id, parameters);
    ConsoleSession session = ConsoleRequest.session(request);
    long auditSeq = reads.record(session, "/v1/subjects/" + id + "/access-report", parameters)
        .seq();
    String html = this.html.renderLinked(
        reportBuilder.build(reportSources.load(report, auditSeq)), STYLESHEET);
    return Response.ok(html, "text/html; charset=utf-8").header("Ledger-Audit-Seq", auditSeq)
        .build();
  }

  /** {@code GET /console/subjects/{id}/evidence}: the child's evidence bundle ({@link EvidenceDownload}). */
  @GET
  @Path("evidence")
  @Produces(MediaType.APPLICATION_JSON)
  public Response evidence(@Context ContainerRequestContext request, @Context UriInfo uri,
      @PathParam("id") String id) {
    return evidence.download(ConsoleRequest.session(request), "subject", id,
        uri.getQueryParameters());
  }
}
