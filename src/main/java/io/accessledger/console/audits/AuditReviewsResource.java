package io.accessledger.console.audits;

import io.accessledger.api.ApiException;
import io.accessledger.auth.Roles;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.web.ConsoleReads;
import io.accessledger.console.web.ConsoleRequest;
import io.accessledger.query.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /console/audits/reviews}: the review form of a finding on the audit page. It appends
 * exactly the {@code REVIEW} entry {@code POST /v1/audits/reviews} appends (the same {@link
 * Reviews#check} then {@link Reviews#record}, naming the signed-in client), then sends the DPO
 * back to the finding on the audit page (303), which shows its outcome.
 *
 * <p>The CSRF filter has checked the form's {@code csrf} field before this runs. A form with a
 * problem (no outcome, an empty note) writes nothing: it comes back as the audit page with an
 * error summary when this session still holds the run, or as an error page naming the field.
 */
@Path("audits/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.AUDITOR)
public final class AuditReviewsResource {
  private static final int MAX_NOTE_BYTES = 4096;

  private final Reviews reviews;
  private final AuditJobs jobs;
  private final AuditsResource pages;
  private final ConsoleReads reads;

  public AuditReviewsResource(Reviews reviews, AuditJobs jobs, AuditsResource pages,
      ConsoleReads reads) {
    this.reviews = reviews;
    this.jobs = jobs;
    this.pages = pages;
    this.reads = reads;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response review(@Context ContainerRequestContext request,
      @FormParam("audit") String audit, @FormParam("finding") String finding,
      @FormParam("outcome") String outcome, @FormParam("note") String note,
      @FormParam("from") String from, @FormParam("to") String to,
      @FormParam("rule") String rule, @FormParam("team") String team,
      @FormParam("state") String state) {
    ConsoleSession session = ConsoleRequest.session(request);
    AuditPeriod period = AuditPeriod.parse(from, to);
    FindingFilter filter = FindingFilter.parse(rule, team, state);
    long auditSeq = auditSeq(audit);
    if (finding == null || finding.isBlank()) {
      throw ApiException.malformed("The form names no finding (finding); reload the audit page"
          + " and use the finding's own form.");
    }
    // Browsers send a textarea's line breaks as CRLF; the ledger keeps newlines only.
    String text = note == null ? "" : note.replace("\r\n", "\n").replace('\r', '\n');
    String outcomeError = isOutcome(outcome) ? null : "Select the outcome of your review";
    String noteError = text.isBlank() ? "Enter a note: what you found, and why you concluded it"
        : text.getBytes(StandardCharsets.UTF_8).length > MAX_NOTE_BYTES
            ? "The note must be at most " + MAX_NOTE_BYTES + " bytes (about as many letters)"
            : null;
    if (outcomeError != null || noteError != null) {
      ResultsViews.Rejected rejected = new ResultsViews.Rejected(finding,
          outcomeError == null ? outcome : null, text, outcomeError, noteError);
      Optional<AuditJob> run = jobs.find(session, auditSeq)
          .filter(job -> job.state() == AuditJob.State.DONE && job.result().findings().stream()
              .anyMatch(row -> row.id().equals(finding)));
      if (run.isPresent()) {
        // The page shows the findings' review states as of now: a read like any other view.
        reads.record(session, AuditsResource.FORM_PATH, Map.of("from", from, "to", to,
            "run", Long.toString(auditSeq), "review", "refused"));
        return pages.show(run.get(), filter, new ResultsPage(1, finding), rejected);
      }
      throw ApiException.malformed(outcomeError != null
          ? outcomeError + " (outcome: one of " + Arrays.toString(Reviews.Outcome.values()) + ")."
          : noteError + " (note).");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("audit", auditSeq);
    body.put("finding", finding);
    body.put("outcome", outcome);
    body.put("note", text);
    Reviews.Request checked = reviews.check(body);
    reviews.record(session.client(), session.role().externalName(), checked);
    // Back to the finding, without a state filter, which would hide it now its state changed.
    FindingFilter back = FindingFilter.parse(rule, team, null);
    return Response.seeOther(URI.create(AuditLinks.finding(period, back, checked.finding().id())))
        .build();
  }

  private static long auditSeq(String audit) {
    try {
      long seq = Long.parseLong(audit == null ? "" : audit.strip());
      if (seq >= 0) {
        return seq;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.malformed("The form names no audit run (audit: the number of the run's"
        + " entry); reload the audit page and use the finding's own form.");
  }

  private static boolean isOutcome(String outcome) {
    return outcome != null
        && Arrays.stream(Reviews.Outcome.values()).anyMatch(o -> o.name().equals(outcome));
  }
}
