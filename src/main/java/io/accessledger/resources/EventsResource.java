package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.api.BatchAck;
import io.accessledger.auth.Roles;
import io.accessledger.events.EventIngest;
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
import java.io.InputStream;

/**
 * {@code POST /v1/events} and {@code /v1/events/batch} for ingest clients. The source stamped on
 * every entry is the client's, never anything in the body. 201 when something was appended, 200
 * when the request only replayed events already in the log. The body is read here (413 as soon as
 * it is known to be over the endpoint's limit); everything else is {@link EventIngest}'s, whose
 * refusals {@link io.accessledger.resources.errors.IngestRefusalMapper} answers.
 */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INGEST)
public final class EventsResource {
  private final EventIngest ingest;

  public EventsResource(EventIngest ingest) {
    this.ingest = ingest;
  }

  @POST
  @Timed
  public Response post(
      @Context SecurityContext security,
      @Context ContainerRequestContext request,
      @HeaderParam("Content-Length") Long contentLength,
      InputStream body) {
    byte[] bytes = BoundedBody.read(request, body, contentLength, EventIngest.MAX_EXTRACT_BODY_BYTES);
    EventIngest.Accepted accepted = ingest.postOne(ClientSecurityContext.clientOf(security).source(), bytes);
    return Response.status(accepted.appended() ? 201 : 200).entity(accepted.acks().get(0)).build();
  }

  @POST
  @Path("batch")
  @Timed
  public Response postBatch(
      @Context SecurityContext security,
      @Context ContainerRequestContext request,
      @HeaderParam("Content-Length") Long contentLength,
      InputStream body) {
    byte[] bytes = BoundedBody.read(request, body, contentLength, EventIngest.MAX_BODY_BYTES);
    EventIngest.Accepted accepted = ingest.postBatch(ClientSecurityContext.clientOf(security).source(), bytes);
    return Response.status(accepted.appended() ? 201 : 200)
        .entity(new BatchAck(accepted.acks()))
        .build();
  }
}
