package io.accessledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.api.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused before it reaches a resource: the status, the message (naming what is wrong,
 * never echoing a token) and any headers the refusal needs, such as {@code Retry-After}. Sent in the
 * contract's error shape {@code {"code":…,"message":…}}. Carries no stack trace: it is an answer,
 * not a failure.
 */
final class Refusal extends RuntimeException {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();

  Refusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** This refusal with one more header on its answer. */
  Refusal with(String header, String value) {
    headers.put(header, value);
    return this;
  }

  /**
   * This refusal with {@code Connection: close}: for a request whose body is left unread, so that
   * the rest of it is never read as the next request on the connection.
   */
  Refusal closing() {
    return with("Connection", "close");
  }

  void send(HttpServletResponse response, ObjectMapper json) throws IOException {
    if (response.isCommitted()) {
      return; // the client is gone or was answered already: there is nothing left to tell it
    }
    byte[] body = json.writeValueAsBytes(new ErrorBody(status, getMessage()));
    response.resetBuffer();
    response.setStatus(status);
    headers.forEach(response::setHeader);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
