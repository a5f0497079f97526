package io.accessledger.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every error answer of the HTTP API (contract section 3): {@code {"code":<status>,"message":"…"}},
 * plus an {@code errors} list for validation failures, each naming a field. Messages never echo a
 * token or any other secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, List<String> errors) {
  public ErrorBody {
    errors = errors == null ? null : List.copyOf(errors);
  }

  public ErrorBody(int code, String message) {
    this(code, message, null);
  }
}
