package io.accessledger.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What a POST under {@code /v1} must say about its body (README, "The HTTP API"): its media type is
 * {@code application/json}, with no parameter but an optional {@code charset=utf-8} (names and
 * values case-insensitive, the value may be quoted); its content coding is none ({@code identity})
 * or {@code gzip}. Anything else is refused 415 naming what was sent, before the body is read, so a
 * body is never parsed in a form the client did not mean: a missing or wildcard type, another
 * charset (the ledger reads only UTF-8), or a coding such as {@code br} or {@code deflate} that the
 * service would otherwise have read as plain JSON.
 */
final class BodyHeaders {
  /** The content codings a body may arrive in. */
  enum Coding { IDENTITY, GZIP }

  private static final String JSON = "application/json";

  private BodyHeaders() {}

  /**
   * @param call the method and path, for the messages ({@code POST /v1/events})
   * @return how the body is coded
   * @throws Refusal 415 for a media type or content coding this service does not take
   */
  static Coding check(HttpServletRequest request, String call) {
    checkMediaType(Collections.list(request.getHeaders("Content-Type")), call);
    return coding(Collections.list(request.getHeaders("Content-Encoding")), call);
  }

  private static void checkMediaType(List<String> values, String call) {
    String takes = call + " takes Content-Type: " + JSON + " (with charset=utf-8 or no charset)";
    if (values.isEmpty()) {
      throw new Refusal(415, "the request has no Content-Type; " + takes);
    }
    if (values.size() > 1) {
      throw new Refusal(415, "the request has " + values.size() + " Content-Type headers; " + takes);
    }
    String value = values.get(0);
    String[] parts = value.split(";", -1);
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(JSON)) {
      throw new Refusal(415, "Content-Type " + quoted(value) + " is not taken; " + takes);
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.isEmpty()) {
        continue; // "application/json;" has an empty parameter, which RFC 9110 allows
      }
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        throw new Refusal(415, "Content-Type " + quoted(value) + " has a malformed parameter "
            + quoted(parameter) + "; " + takes);
      }
      String name = parameter.substring(0, equals).strip();
      if (!name.equalsIgnoreCase("charset")) {
        throw new Refusal(415, "Content-Type " + quoted(value) + " has a parameter " + quoted(name)
            + " that " + JSON + " does not take; " + takes);
      }
      String charset = unquoted(parameter.substring(equals + 1).strip());
      if (!charset.equalsIgnoreCase("utf-8")) {
        throw new Refusal(415, "charset " + quoted(charset) + " is not taken: the ledger reads"
            + " request bodies as UTF-8 only; " + takes);
      }
    }
  }

  private static Coding coding(List<String> values, String call) {
    List<String> codings = new ArrayList<>();
    for (String value : values) {
      for (String coding : value.split(",", -1)) {
        String name = coding.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !name.equals("identity")) {
          codings.add(name);
        }
      }
    }
    if (codings.isEmpty()) {
      return Coding.IDENTITY;
    }
    // x-gzip is gzip's old name, which RFC 9110 section 8.4.1.3 asks recipients to take as gzip.
    if (codings.size() == 1 && (codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
      return Coding.GZIP;
    }
    // RFC 7694: a 415 for a content coding names the codings that are taken in Accept-Encoding.
    throw new Refusal(415, "Content-Encoding " + quoted(String.join(", ", codings))
        + " is not taken: " + call + " takes a body as it is or compressed with gzip alone")
        .with("Accept-Encoding", "gzip");
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** A header value in a message: quoted, and cut short so an answer never carries a long one. */
  private static String quoted(String value) {
    String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
    return "\"" + shown + "\"";
  }
}
