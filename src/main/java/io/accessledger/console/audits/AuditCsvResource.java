package io.accessledger.console.audits;

import io.accessledger.api.ApiException;
import io.accessledger.auth.Roles;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.LedgerQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /console/audits.csv?from=..&to=..} (and the page's filters): the findings of this
 * session's latest finished run of the period as a CSV download ({@link AuditCsv}), with each
 * finding's state as of the latest signed tree.
 *
 * <p>It does not run the audit again, but it is a read (the findings' review states are read as
 * of now), recorded as {@code /console/audits.csv} with the page's parameters and {@code run},
 * the run's audit entry, before the file is made. It never runs an audit: with no finished run of the period in the session it
 * answers 404 (nothing written) and says to open the audit page first.
 */
@Path("audits.csv")
@RolesAllowed(Roles.AUDITOR)
public final class AuditCsvResource {
  static final String PATH = "/console/audits.csv";

  private final AuditJobs jobs;
  private final ConsoleReads reads;
  private final LedgerQueries queries;
  private final LedgerActivity activity;
  private final ConsoleDates dates;

  public AuditCsvResource(AuditJobs jobs, ConsoleReads reads, LedgerQueries queries,
      LedgerActivity activity, ConsoleDates dates) {
    this.jobs = jobs;
    this.reads = reads;
    this.queries = queries;
    this.activity = activity;
    this.dates = dates;
  }

  @GET
  public Response csv(@Context ContainerRequestContext request, @Context UriInfo uri) {
    AuditPageQuery query = AuditPageQuery.of(uri);
    AuditJob job = jobs.latest(ConsoleRequest.session(request), query.period())
        .filter(j -> j.state() == AuditJob.State.DONE)
        .orElseThrow(() -> ApiException.notFound("This session has no finished need-to-know"
            + " audit of " + AuditPages.periodText(query.period(), dates) + " to export. Open "
            + AuditLinks.page(query.period(), FindingFilter.NONE) + ", wait for it to finish,"
            + " then use its CSV link."));
    reads.record(ConsoleRequest.session(request), PATH, query.recordedWith(job.seq()));
    activity.catchUp(queries.checkpoint().size());
    byte[] csv = AuditCsv.of(job.result(), query.filter(), activity::latestReview)
        .getBytes(StandardCharsets.UTF_8);
    return Response.ok(csv, "text/csv; charset=utf-8")
        .header("Content-Disposition",
            "attachment; filename=\"" + AuditCsv.fileName(query.period()) + "\"")
        .build();
  }
}
