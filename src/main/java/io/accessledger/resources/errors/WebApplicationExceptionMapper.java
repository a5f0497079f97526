package io.accessledger.resources.errors;

import io.accessledger.api.ErrorBody;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own refusals (no such path, wrong method, wrong media type, role not allowed) in the
 * contract's error shape, with a message that says what to change. The original response's headers
 * (such as {@code Allow}) are kept.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context private UriInfo uri;
  @Context private Request request;
  @Context private SecurityContext security;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE);
    original.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type")) {
        values.forEach(v -> answer.header(name, v));
      }
    });
    return answer.entity(new ErrorBody(status, message(e, status))).build();
  }

  private String message(WebApplicationException e, int status) {
    String call = request.getMethod() + " /" + uri.getPath();
    if (e instanceof ForbiddenException) {
      String who = security.getUserPrincipal() == null ? "this client" : "client "
          + security.getUserPrincipal().getName();
      return who + " has a role that may not use " + call;
    }
    if (e instanceof NotFoundException) {
      return "no such resource: " + call;
    }
    if (e instanceof NotAllowedException) {
      return "method not allowed: " + call + " (allowed: " + e.getResponse().getAllowedMethods() + ")";
    }
    if (e instanceof NotSupportedException) {
      return "Content-Type must be application/json for " + call;
    }
    if (e instanceof NotAcceptableException) {
      return "cannot answer " + call + " in the media type the Accept header asks for";
    }
    return status + " for " + call + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
