package io.accessledger.console.audits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.auth.Roles;
import io.accessledger.console.web.ConsoleRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code GET /console/audits/runs/{seq}/status}: how this session's run recorded as entry {@code
 * seq} is getting on, as JSON, for the progress page's script ({@code console.js}), which loads
 * the page again once the run has finished. It shows no ledger data (only counts of entries read),
 * so it records nothing; another session's runs are not found (404).
 */
@Path("audits/runs/{seq}/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public final class AuditStatusResource {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A run's progress.
   *
   * @param state {@code WAITING}, {@code RUNNING}, {@code DONE} or {@code FAILED}
   * @param of the size of the tree it reads; -1 until known
   * @param text the same in words, as the page's live region says it
   */
  public record Status(String state, long read, long of, boolean finished, String text) {}

  private final AuditJobs jobs;

  public AuditStatusResource(AuditJobs jobs) {
    this.jobs = jobs;
  }

  @GET
  public Response status(@Context ContainerRequestContext request, @PathParam("seq") String seq) {
    Optional<AuditJob> job = parse(seq).flatMap(s -> jobs.find(ConsoleRequest.session(request), s));
    if (job.isEmpty()) {
      return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(json(new Status("UNKNOWN", 0, -1, true, "No such run in this session."))).build();
    }
    AuditJob run = job.get();
    return Response.ok(json(new Status(run.state().name(), run.read(), run.of(), run.finished(),
        AuditPages.progressText(run))), MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static Optional<Long> parse(String seq) {
    try {
      return Optional.of(Long.parseLong(seq));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String json(Status status) {
    try {
      return JSON.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a status record always serialises", e);
    }
  }
}
