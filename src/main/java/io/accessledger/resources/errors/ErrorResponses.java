package io.accessledger.resources.errors;

import io.accessledger.api.ErrorBody;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The contract's error answer, {@link ErrorBody} as JSON, for every mapper in this package. */
final class ErrorResponses {
  private ErrorResponses() {}

  /** {@code status} with the error shape; {@code errors} null unless a 422 names its fields. */
  static Response.ResponseBuilder error(int status, String message, List<String> errors) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(status, message, errors));
  }

  /** 503 with {@code Retry-After: seconds}: the ledger pushes back, nothing was written. */
  static Response unavailable(String message, int seconds) {
    return error(503, message, null).header("Retry-After", String.valueOf(seconds)).build();
  }
}
