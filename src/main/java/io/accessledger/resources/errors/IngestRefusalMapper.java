package io.accessledger.resources.errors;

import io.accessledger.events.IngestRefusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

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
      case MALFORMED -> ErrorResponses.error(400, e.getMessage(), null).build();
      case INVALID -> ErrorResponses.error(422, e.getMessage(), e.errors()).build();
      case CONFLICT -> ErrorResponses.error(409, e.getMessage(), null).build();
      case TOO_LARGE -> ErrorResponses.error(413, e.getMessage(), null).build();
      case BUSY -> ErrorResponses.unavailable(e.getMessage(), LedgerBusyMapper.RETRY_AFTER_SECONDS);
      case DISK_FULL ->
          ErrorResponses.unavailable(e.getMessage(), LedgerDiskFullMapper.RETRY_AFTER_SECONDS);
    };
  }
}
