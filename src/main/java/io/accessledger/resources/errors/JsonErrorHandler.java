package io.accessledger.resources.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.api.ErrorBody;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a header too large, an unparseable request, a suspicious or ambiguous
 * path, a conflicting {@code Content-Length}) in the contract's error shape, whatever the
 * {@code Accept} header asks for and whatever the method: {@code {"code":N,"message":"…"}} as
 * {@code application/json}, never an HTML page.
 *
 * <p>The message is ours, chosen by status, with Jetty's reason appended only after it is reduced
 * to printable ASCII and cut short: it never echoes the request (its headers may hold a token) and
 * never carries a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON_CHARS = 120;

  public JsonErrorHandler() {
    setShowStacks(false);
    setShowCauses(false);
  }

  /** An error body for every method, not only Jetty's GET, POST and HEAD. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) throws JsonProcessingException {
    byte[] body = JSON.writeValueAsBytes(new ErrorBody(code, message(code, message)));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** What went wrong, in words a client can act on; Jetty's reason (sanitised) after it. */
  static String message(int code, String reason) {
    String what = switch (code) {
      case HttpStatus.BAD_REQUEST_400 -> "the request is malformed or its path is not allowed "
          + "(encoded '/', '.' or NUL, empty or dot segments, or a bad Content-Length)";
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "the request's headers are too large";
      case HttpStatus.URI_TOO_LONG_414 -> "the request's URI is too long";
      case HttpStatus.NOT_FOUND_404 -> "no such resource";
      case HttpStatus.METHOD_NOT_ALLOWED_405 -> "method not allowed";
      case HttpStatus.PAYLOAD_TOO_LARGE_413 -> "the request body is too large";
      default -> HttpStatus.getMessage(code);
    };
    String shown = printable(reason);
    return shown.isEmpty() || shown.equalsIgnoreCase(HttpStatus.getMessage(code))
        ? what : what + ": " + shown;
  }

  private static String printable(String reason) {
    if (reason == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < reason.length() && shown.length() < MAX_REASON_CHARS; i++) {
      char c = reason.charAt(i);
      shown.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return shown.toString().strip();
  }
}
