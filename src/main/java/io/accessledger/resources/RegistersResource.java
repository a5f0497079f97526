package io.accessledger.resources;

import com.codahale.metrics.annotation.Timed;
import io.accessledger.auth.Roles;
import io.accessledger.query.RegisterRequest;
import io.accessledger.query.Registers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * The DPO's share and extract registers, with their flags, for auditors only. Filters are checked
 * before the read is recorded, and a refused read writes nothing.
 */
@Path("/v1/registers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public final class RegistersResource {
  private final Registers registers;
  private final ReadAudit audit;

  RegistersResource(Registers registers, ReadAudit audit) {
    this.registers = registers;
    this.audit = audit;
  }

  @GET
  @Path("shares")
  @Timed
  public Response shares(@Context SecurityContext security, @Context UriInfo uri) {
    return audit.run(security, uri, RegisterRequest.SHARE_PARAMETERS, RegisterRequest::shares,
        (request, recorded) -> Response.ok(registers.shares(request)));
  }

  @GET
  @Path("extracts")
  @Timed
  public Response extracts(@Context SecurityContext security, @Context UriInfo uri) {
    return audit.run(security, uri, RegisterRequest.EXTRACT_PARAMETERS, RegisterRequest::extracts,
        (request, recorded) -> Response.ok(registers.extracts(request)));
  }
}
