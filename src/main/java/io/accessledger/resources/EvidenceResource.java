package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.api.ApiException;
import io.accessledger.auth.Roles;
import io.accessledger.evidence.BundleFormat;
import io.accessledger.query.EvidenceBundles;
import io.accessledger.query.EvidenceRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * Evidence bundles for auditors: a whole history, self-contained and checkable offline with
 * {@code verify-bundle}. The request is recorded first, and the bundle carries that record.
 */
@Path("/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public final class EvidenceResource {
  private final EvidenceBundles bundles;
  private final ReadAudit audit;

  EvidenceResource(EvidenceBundles bundles, ReadAudit audit) {
    this.bundles = bundles;
    this.audit = audit;
  }

  @GET
  @Timed
  public Response bundle(@Context SecurityContext security, @Context UriInfo uri) {
    if (!("/" + uri.getPath()).equals(BundleFormat.PATH)) {
      // The request's record must name exactly the path a verifier expects (no trailing slash).
      throw ApiException.notFound("no such path; bundles are at " + BundleFormat.PATH);
    }
    return audit.run(security, uri, EvidenceRequest.PARAMETERS,
        parameters -> {
          EvidenceRequest request = EvidenceRequest.parse(parameters);
          bundles.check(request);
          return request;
        },
        (request, recorded) -> {
          StreamingOutput body = out -> bundles.write(request, recorded.seq(), out);
          return Response.ok(body)
              .header("Content-Disposition",
                  "attachment; filename=\"evidence-" + recorded.seq() + ".json\"");
        });
  }
}
