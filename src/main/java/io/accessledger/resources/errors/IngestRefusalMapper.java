package io.accessledger.resources.errors;

import io.accessledger.api.ErrorBody;
import io.accessledger.events.IngestRefusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;

/**
 * A refused post of events in the contract's terms (sections 3 and 4): 400 malformed JSON, 422
 * invalid (with the per-field {@code errors}), 409 a conflicting replay, 413 too large, and 503
 * with {@code Retry-After} when the ledger pushes back or its disk is full, exactly as
 * {@link LedgerBusyMapper} and {@link LedgerDiskFullMapper} answer those elsewhere.
 */
public final class IngestRefusalMapper implements ExceptionMapper<IngestRefusal> {
  @Override
  public Response toResponse(IngestRefusal e) {
    // A switch over every kind: a new kind does not compile until it has its answer here.
    return switch (e.kind()) {
      case MALFORMED -> answer(400, e, null).build();
      case INVALID -> answer(422, e, e.errors()).build();
      case CONFLICT -> answer(409, e, null).build();
      case TOO_LARGE -> answer(413, e, null).build();
      case BUSY -> answer(503, e, null)
          .header("Retry-After", String.valueOf(LedgerBusyMapper.RETRY_AFTER_SECONDS)).build();
      case DISK_FULL -> answer(503, e, null)
          .header("Retry-After", String.valueOf(LedgerDiskFullMapper.RETRY_AFTER_SECONDS)).build();
    };
  }

  private static Response.ResponseBuilder answer(int status, IngestRefusal e, List<String> errors) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(status, e.getMessage(), errors));
  }
}
