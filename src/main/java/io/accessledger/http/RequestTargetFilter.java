package io.accessledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Refuses, with 400 in the contract's error shape, every request whose path is not plainly what
 * it says: matrix parameters ({@code ;name=value}, which Jersey would silently drop, so the
 * recorded {@code AUDIT_QUERY} would not describe the request as sent), empty or dot segments
 * ({@code //}, {@code /./}, {@code /../}), and encoded separators, dots or NULs ({@code %2F},
 * {@code %5C}, {@code %2E}, {@code %00}).
 *
 * <p>It reads the raw request URI, before any decoding or normalisation, and runs before
 * authentication and every resource, so a refused request is never recorded or answered.
 */
public final class RequestTargetFilter extends HttpFilter {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    String problem = problem(request.getRequestURI());
    if (problem == null) {
      chain.doFilter(request, response);
      return;
    }
    new Refusal(400, problem).send(response, JSON);
  }

  /** What is wrong with {@code rawPath} (undecoded), or null when it may be routed. */
  static String problem(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "the request has no path";
    }
    if (rawPath.indexOf(';') >= 0) {
      return "matrix parameters (';' in the path) are not accepted: put parameters in the query";
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    for (String encoded : new String[] {"%2f", "%5c", "%2e", "%00"}) {
      if (lower.contains(encoded)) {
        return "the path holds an encoded '/', '\\', '.' or NUL (" + encoded.toUpperCase(Locale.ROOT)
            + "), which is not accepted";
      }
    }
    String[] segments = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.equals(".") || segment.equals("..")) {
        return "the path holds a '" + segment + "' segment, which is not accepted";
      }
      if (segment.isEmpty() && i < segments.length - 1) {
        return "the path holds an empty segment ('//'), which is not accepted";
      }
    }
    return null;
  }
}
