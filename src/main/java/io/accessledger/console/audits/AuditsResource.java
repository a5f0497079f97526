package io.accessledger.console.audits;

import io.accessledger.auth.Roles;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.console.web.ErrorPage;
import io.accessledger.console.web.Page;
import io.accessledger.query.LedgerActivity;
import io.accessledger.query.LedgerQueries;
import io.accessledger.query.NeedToKnowAudits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The need-to-know audit page, for auditors only.
 *
 * <p>{@code GET /console/audits} with no parameters is the form to pick a period, with the latest
 * runs (recorded as a read of {@code /console/audits}, as it shows who audited what). With
 * {@code from} and {@code to} (whole days, inclusive) and optional filters ({@code rule}, {@code
 * team}, {@code state}) it shows this session's latest run of that period; if there is none it
 * validates (400 naming the field, nothing written), records the read exactly as {@code POST
 * /v1/audits/need-to-know} would ({@link NeedToKnowAudits#PATH}, {@link AuditPeriod#recorded}),
 * starts the run in the background ({@link AuditJobs}) and answers at once with its progress.
 * Showing a finished run again, filtered or after a review, does not run it again, but it is a
 * new read (it shows the findings' review states as of now): it is recorded as a read of {@code
 * /console/audits} with the page's parameters and {@code run}, the run's audit entry. The
 * progress page shows no ledger data and records nothing. {@code POST /console/audits/runs}
 * ("Run again") is a new run and a new record.
 */
@Path("audits")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public final class AuditsResource {
  /** The console path the form page records. */
  static final String FORM_PATH = "/console/audits";

  private final NeedToKnowAudits audits;
  private final LedgerQueries queries;
  private final LedgerActivity activity;
  private final AuditJobs jobs;
  private final ConsoleReads reads;
  private final ConsoleDates dates;
  private final Clock clock;

  public AuditsResource(NeedToKnowAudits audits, LedgerQueries queries, LedgerActivity activity,
      AuditJobs jobs, ConsoleReads reads, ConsoleDates dates, Clock clock) {
    this.audits = audits;
    this.queries = queries;
    this.activity = activity;
    this.jobs = jobs;
    this.reads = reads;
    this.dates = dates;
    this.clock = clock;
  }

  @GET
  public Response page(@Context ContainerRequestContext request, @Context UriInfo uri) {
    ConsoleSession session = ConsoleRequest.session(request);
    if (uri.getQueryParameters().isEmpty()) {
      reads.record(session, FORM_PATH, Map.of());
      activity.catchUp(queries.checkpoint().size());
      return ok(AuditPages.form(AuditPeriod.previousMonth(clock, dates), activity, dates));
    }
    AuditPageQuery query = AuditPageQuery.of(uri);
    Optional<AuditJob> shown = jobs.latest(session, query.period());
    if (shown.isPresent()) {
      if (shown.get().state() == AuditJob.State.DONE) {
        reads.record(session, FORM_PATH, query.recordedWith(shown.get().seq()));
      }
      return show(shown.get(), query.filter(), query.page(), null);
    }
    return start(session, query.period(), job -> show(job, query.filter(), query.page(), null));
  }

  /** "Run again": a new run of the period, recorded anew; then its page. */
  @POST
  @Path("runs")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response runAgain(@Context ContainerRequestContext request,
      @FormParam("from") String from, @FormParam("to") String to) {
    ConsoleSession session = ConsoleRequest.session(request);
    AuditPeriod period = AuditPeriod.parse(from, to);
    return start(session, period, job ->
        Response.seeOther(URI.create(AuditLinks.page(period, FindingFilter.NONE))).build());
  }

  /**
   * The page of {@code job} as it stands: its progress, its failure, or its findings with their
   * states as of the latest signed tree.
   */
  Response show(AuditJob job, FindingFilter filter, ResultsPage page,
      ResultsViews.Rejected rejected) {
    return switch (job.state()) {
      case WAITING, RUNNING -> ok(AuditPages.progress(job, filter, dates));
      case FAILED -> Response.status(500).entity(AuditPages.failed(job, dates)).build();
      case DONE -> {
        activity.catchUp(queries.checkpoint().size());
        ResultsView view = ResultsViews.of(job, filter, page, activity::latestReview, dates,
            rejected);
        String title = "Need-to-know audit, " + view.period();
        yield Response.status(rejected == null ? 200 : 400)
            .entity(new Page("audits-results", rejected == null ? title : "Error: " + title, view))
            .build();
      }
    };
  }

  /**
   * Starts a run of {@code period}, recorded first, and answers with {@code then}; or, when this
   * session has a run going (409) or too many runs are going (503), says so, recording nothing.
   */
  private Response start(ConsoleSession session, AuditPeriod period,
      Function<AuditJob, Response> then) {
    NeedToKnowAudits.Period checked = period.checked(dates); // before anything is written
    Map<String, String> recorded = period.recorded(dates);
    AuditJob job;
    try {
      job = jobs.start(session, period,
          () -> reads.record(session, NeedToKnowAudits.PATH, recorded).seq(),
          (seq, progress) -> AuditResult.of(seq, audits.run(checked, seq, progress)));
    } catch (SessionBusyException e) {
      return Response.status(409).entity(AuditPages.busy(e.running(), dates)).build();
    } catch (AuditsFullException e) {
      return Response.status(503).header("Retry-After", "5")
          .entity(ErrorPage.of(503, "Too many need-to-know audits are running. Nothing was"
              + " recorded; try again in a few seconds."))
          .build();
    }
    return then.apply(job);
  }

  private static Response ok(Page page) {
    return Response.ok(page).build();
  }
}
