package io.accessledger.resources.errors;

import io.accessledger.ledger.writer.LedgerBusyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Back-pressure from the sequencer becomes 503 with {@code Retry-After}: nothing was written (or,
 * after a timeout, it may land; a replay with the same {@code eventId} is safe either way).
 */
public final class LedgerBusyMapper implements ExceptionMapper<LedgerBusyException> {
  /** Seconds a client should wait before retrying: back-pressure passes in moments. */
  static final int RETRY_AFTER_SECONDS = 1;

  @Override
  public Response toResponse(LedgerBusyException e) {
    return ErrorResponses.unavailable(e.getMessage(), RETRY_AFTER_SECONDS);
  }
}
