package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.auth.Roles;
import io.accessledger.ledger.leaf.LinkKeys;
import io.accessledger.query.HistoryRequest;
import io.accessledger.query.LedgerQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * Who saw what: the entries naming a subject, made by an actor, or viewing a record, each with its
 * inclusion proof in the tree the answer's checkpoint signs. Each read is recorded first.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.INVESTIGATOR})
public final class HistoryResource {
  private static final Set<String> PARAMETERS = Set.of("from", "to", "type", "limit", "cursor");

  private final LedgerQueries queries;
  private final ReadAudit audit;

  HistoryResource(LedgerQueries queries, ReadAudit audit) {
    this.queries = queries;
    this.audit = audit;
  }

  @GET
  @Path("subjects/{id}/events")
  @Timed
  public Response subject(@Context SecurityContext security, @Context UriInfo uri,
      @PathParam("id") String id, @BeanParam HistoryParams params) {
    return history(security, uri, LinkKeys.subjectKey(id), params);
  }

  @GET
  @Path("actors/{id}/events")
  @Timed
  public Response actor(@Context SecurityContext security, @Context UriInfo uri,
      @PathParam("id") String id, @BeanParam HistoryParams params) {
    return history(security, uri, LinkKeys.actorKey(id), params);
  }

  @GET
  @Path("records/{type}/{id}/events")
  @Timed
  public Response record(@Context SecurityContext security, @Context UriInfo uri,
      @PathParam("type") String recordType, @PathParam("id") String id,
      @BeanParam HistoryParams params) {
    return history(security, uri, LinkKeys.recordKey(recordType, id), params);
  }

  private Response history(
      SecurityContext security, UriInfo uri, String linkKey, HistoryParams params) {
    HistoryRequest request = params.parse();
    return audit.run(security, uri, PARAMETERS, () -> { }, () -> queries.history(linkKey, request));
  }
}
