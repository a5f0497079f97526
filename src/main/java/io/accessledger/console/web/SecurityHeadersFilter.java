package io.accessledger.console.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sets the console's security headers on every response under {@code /console/}, before anything
 * else runs, so errors and redirects carry them too:
 * <ul>
 *   <li>{@code Content-Security-Policy}: everything from the service itself ({@code 'self'}), no
 *       inline script or style, no plugins, no framing ({@code frame-ancestors 'none'}), forms
 *       post only to the service, no {@code <base>};
 *   <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} (for browsers
 *       without CSP 2), {@code Referrer-Policy: no-referrer} (a child's id in a URL never leaves);
 *   <li>{@code Cache-Control: no-store} on pages, so ledger data stays out of shared and disk
 *       caches; assets set their own caching.
 * </ul>
 */
public final class SecurityHeadersFilter extends HttpFilter {
  /** The console's policy. */
  public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
      + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (!request.getRequestURI().startsWith("/console/assets/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
