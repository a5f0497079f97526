package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.api.ApiException;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.Roles;
import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.json.CanonicalJsonException;
import io.accessledger.query.NeedToKnowAudits;
import io.accessledger.query.Reviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DPO's audits: {@code POST /v1/audits/need-to-know} runs the need-to-know rules over a period
 * (a read of the whole log, recorded first like every read), and {@code POST /v1/audits/reviews}
 * records the DPO's review of one of an audit's findings as a {@code REVIEW} entry.
 */
@Path("/v1/audits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public final class AuditResource {
  /** These bodies are a few fields; anything larger is a mistake. */
  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final NeedToKnowAudits audits;
  private final Reviews reviews;
  private final ReadAudit audit;

  AuditResource(NeedToKnowAudits audits, Reviews reviews, ReadAudit audit) {
    this.audits = audits;
    this.reviews = reviews;
    this.audit = audit;
  }

  @POST
  @Path("need-to-know")
  @Timed
  public Response needToKnow(@Context SecurityContext security, @Context UriInfo uri,
      @Context ContainerRequestContext context, @HeaderParam("Content-Length") Long contentLength,
      InputStream body) {
    if (!("/" + uri.getPath()).equals(NeedToKnowAudits.PATH)) {
      // Reviews find an audit by the path its record names: no trailing slash.
      throw ApiException.notFound("no such path; audits are at " + NeedToKnowAudits.PATH);
    }
    NeedToKnowAudits.Period period = NeedToKnowAudits.period(object(context, body, contentLength));
    Map<String, String> recorded = new LinkedHashMap<>();
    recorded.put("from", period.from());
    recorded.put("to", period.to());
    return audit.runWithBody(security, uri, recorded, entry -> audits.run(period, entry.seq()));
  }

  @POST
  @Path("reviews")
  @Timed
  public Response review(@Context SecurityContext security, @Context UriInfo uri,
      @Context ContainerRequestContext context, @HeaderParam("Content-Length") Long contentLength,
      InputStream body) {
    if (!uri.getQueryParameters().isEmpty()) {
      throw ApiException.malformed("this endpoint takes no query parameters");
    }
    Reviews.Request request = reviews.check(object(context, body, contentLength));
    ApiClient client = ClientSecurityContext.clientOf(security);
    return Response.status(Response.Status.CREATED)
        .entity(reviews.record(client.name(), client.role().externalName(), request))
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(
      ContainerRequestContext request, InputStream body, Long contentLength) {
    byte[] bytes = BoundedBody.read(request, body, contentLength, MAX_BODY_BYTES);
    Object parsed;
    try {
      parsed = CanonicalJson.parse(bytes);
    } catch (CanonicalJsonException e) {
      throw ApiException.malformed("the body is not valid JSON: " + e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw ApiException.malformed("the body must be a JSON object");
    }
    return (Map<String, Object>) map;
  }
}
