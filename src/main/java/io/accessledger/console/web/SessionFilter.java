package io.accessledger.console.web;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.console.session.ConsoleSessions;
import io.accessledger.resources.ClientSecurityContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.Optional;

/**
 * Lets a console request in only with an open session whose client is still active in the
 * {@link ClientStore}, read afresh on every request: revoking a client ends its sessions at its
 * next request. It runs before routing, so an unknown path without a session is sent to sign in
 * too, and learns nothing of which pages exist. Anything else (no cookie, an unknown, ended or timed-out session, a revoked
 * client) is sent to the sign-in page with 303, and reaches no page, so it reads and writes
 * nothing. The sign-in page and the static assets are the only public paths.
 *
 * <p>A request a browser says came from another site or a sibling subdomain ({@code
 * Sec-Fetch-Site} other than {@code same-origin} or {@code none}) is refused 403 before anything
 * is read, so no other page can make a DPO's browser append reads in the DPO's name.
 *
 * <p>A let-in request's {@link SecurityContext} names the client and its role, so
 * {@code @RolesAllowed} on pages decides 403 exactly as on the API.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter {
  private final ConsoleSessions sessions;
  private final ClientStore clients;

  public SessionFilter(ConsoleSessions sessions, ClientStore clients) {
    this.sessions = sessions;
    this.clients = clients;
  }

  /** Whether {@code path} (relative to {@code /console/}) is served without a session. */
  static boolean isPublic(String path) {
    return path.equals("login") || path.startsWith("assets/");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (isPublic(path)) {
      return;
    }
    String site = request.getHeaderString("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      // A page on another site, or on a sibling subdomain (which SameSite=Strict lets through),
      // must not make the DPO's browser read the ledger in the DPO's name: every console page
      // is a recorded read. Browsers send this header on every request; other clients send none.
      request.abortWith(Response.status(403).type(MediaType.TEXT_HTML_TYPE)
          .entity(ErrorPage.of(403, "Console pages open only from the console itself, not from"
              + " another site's page. Nothing was read or recorded.")).build());
      return;
    }
    String cookie = Cookies.value(request, Cookies.SESSION);
    Optional<ConsoleSession> session = sessions.find(cookie);
    Optional<ApiClient> client = session.flatMap(s -> clients.active(s.client()))
        .filter(c -> c.role() == session.get().role());
    if (client.isEmpty()) {
      if (session.isPresent()) {
        sessions.endAllOf(session.get().client()); // revoked: none of its sessions may go on
      }
      boolean secure = request.getSecurityContext().isSecure();
      request.abortWith(Response.seeOther(URI.create("/console/login"))
          .header("Set-Cookie", Cookies.clear(Cookies.SESSION, secure)).build());
      return;
    }
    request.setProperty(ConsoleRequest.SESSION, session.get());
    request.setProperty(ConsoleRequest.COOKIE_PROPERTY, cookie);
    request.setSecurityContext(new ClientSecurityContext(client.get(),
        request.getSecurityContext().isSecure(), "Session"));
  }
}
