package io.accessledger.console.web;

import io.accessledger.console.session.ConsoleSession;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The session a console request was signed in with, as {@link SessionFilter} left it on the
 * request (a request property, which only the server sets).
 */
public final class ConsoleRequest {
  static final String SESSION = ConsoleRequest.class.getName() + ".session";
  /** The request property holding the session cookie's value, for signing out. */
  public static final String COOKIE_PROPERTY = ConsoleRequest.class.getName() + ".cookie";

  private ConsoleRequest() {}

  /** The request's session, or null on the public pages (sign-in, assets). */
  public static ConsoleSession sessionOrNull(ContainerRequestContext request) {
    return request.getProperty(SESSION) instanceof ConsoleSession session ? session : null;
  }

  /**
   * The request's session.
   *
   * @throws IllegalStateException if there is none: a wiring error, as every page but the
   *     public ones passes {@link SessionFilter}
   */
  public static ConsoleSession session(ContainerRequestContext request) {
    ConsoleSession session = sessionOrNull(request);
    if (session == null) {
      throw new IllegalStateException("the console request has no session: is SessionFilter"
          + " registered?");
    }
    return session;
  }
}
