package io.accessledger.console.web;

import io.accessledger.api.ApiException;
import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.store.LedgerDiskFullException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a console page as an HTML page in the layout: the services' refusals
 * ({@link ApiException}) with their status and message, 403 for a page the role may not use, 503
 * with {@code Retry-After} when the ledger pushes back. Anything unexpected is a 500 that says
 * nothing of its cause to the browser and is logged in full.
 */
public final class ConsoleErrors implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleErrors.class);

  @Override
  public Response toResponse(Throwable error) {
    if (error instanceof ApiException refused) {
      return page(refused.status(), refused.getMessage()).build();
    }
    if (error instanceof ForbiddenException) {
      return page(403, "This page is for the Data Protection Officer's team (auditors). You are"
          + " signed in as an investigator: you can read histories, entries and evidence.").build();
    }
    if (error instanceof NotFoundException) {
      return page(404, "There is no console page at this address.").build();
    }
    if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return page(web.getResponse().getStatus(), "The request was refused.").build();
    }
    if (error instanceof LedgerBusyException || error instanceof LedgerDiskFullException) {
      return page(503, error.getMessage() + ". Nothing was recorded or shown; try again shortly.")
          .header("Retry-After", "1").build();
    }
    LOG.error("console page failed", error);
    return page(500, "The page could not be shown. The error is in the service's log.").build();
  }

  private static Response.ResponseBuilder page(int status, String message) {
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
        .entity(ErrorPage.of(status, message));
  }
}
