package io.accessledger.resources.errors;

import io.accessledger.store.LedgerDiskFullException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A full disk becomes 503 with {@code Retry-After} and the cause in the message (which starts
 * "the ledger's disk is full: "), for posts and reads alike: nothing was written, and a read whose
 * {@code AUDIT_QUERY} entry could not be recorded was not answered. The wait is longer than for
 * back-pressure ({@link LedgerBusyMapper}): space comes back only when someone frees it.
 */
public final class LedgerDiskFullMapper implements ExceptionMapper<LedgerDiskFullException> {
  /** Seconds a client should wait before retrying. */
  static final int RETRY_AFTER_SECONDS = 30;

  @Override
  public Response toResponse(LedgerDiskFullException e) {
    return ErrorResponses.unavailable(e.getMessage(), RETRY_AFTER_SECONDS);
  }
}
