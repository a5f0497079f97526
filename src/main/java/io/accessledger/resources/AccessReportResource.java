package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.auth.Roles;
import io.accessledger.query.AccessReportRequest;
import io.accessledger.query.AccessReportSources;
import io.accessledger.report.AccessReport;
import io.accessledger.report.AccessReportBuilder;
import io.accessledger.report.AccessReportHtml;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.util.List;

/**
 * A child's subject access report, for auditors: JSON by default, or a self-contained HTML page
 * for the family when the {@code Accept} header prefers {@code text/html}. The request is recorded
 * first, like every read, and the report names that record. The class's path is the full path so
 * that Jersey never routes {@code /v1/subjects/{id}/events} here.
 */
@Path("/v1/subjects/{id}/access-report")
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
@RolesAllowed(Roles.AUDITOR)
public final class AccessReportResource {
  private static final String HTML_UTF8 = MediaType.TEXT_HTML + "; charset=utf-8";
  /** What this resource answers in, JSON first: it wins a tie. */
  private static final List<MediaType> OFFERED =
      List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE);

  private final AccessReportSources sources;
  private final AccessReportBuilder builder;
  private final AccessReportHtml html;
  private final ReadAudit audit;

  /** @param zone and {@code zoneName}: the HTML page's local times and how it names them */
  AccessReportResource(AccessReportSources sources, AccessReportBuilder builder, ZoneId zone,
      String zoneName, ReadAudit audit) {
    this.sources = sources;
    this.builder = builder;
    this.html = new AccessReportHtml(zone, zoneName);
    this.audit = audit;
  }

  @GET
  @Timed
  public Response report(@Context SecurityContext security, @Context UriInfo uri,
      @Context HttpHeaders headers, @PathParam("id") String id) {
    boolean wantsHtml = prefersHtml(headers.getRequestHeader(HttpHeaders.ACCEPT));
    return audit.run(security, uri, AccessReportRequest.PARAMETERS,
        parameters -> AccessReportRequest.parse(id, parameters),
        (request, recorded) -> {
          AccessReport report = builder.build(sources.load(request, recorded.seq()));
          Response.ResponseBuilder answer = wantsHtml
              ? Response.ok(html.render(report), HTML_UTF8)
                  .header("Content-Security-Policy", AccessReportHtml.CONTENT_SECURITY_POLICY)
              : Response.ok(report, MediaType.APPLICATION_JSON_TYPE);
          // Personal data: not for shared caches or the browser's history cache.
          return answer.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
              .header(HttpHeaders.CACHE_CONTROL, "no-store")
              .header("X-Content-Type-Options", "nosniff");
        });
  }

  /**
   * Whether to answer HTML: when the client wants it more than JSON ({@link AcceptHeader}). JSON
   * is the default: a wildcard ({@code *}{@code /*}, or no {@code Accept} at all) and
   * {@code application/*} give JSON, and so does {@code text/html} ranked no higher than
   * {@code application/json}. A client that accepts neither is refused 406 by
   * {@link AcceptableFilter} before this resource runs.
   */
  static boolean prefersHtml(List<String> accept) {
    return AcceptHeader.of(accept).best(OFFERED).orElse(MediaType.APPLICATION_JSON_TYPE)
        .equals(MediaType.TEXT_HTML_TYPE);
  }
}
