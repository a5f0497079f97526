package io.accessledger.resources;

import io.accessledger.api.ErrorBody;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates every request by its {@code Authorization: Bearer <token>} header against the
 * {@link ClientStore}.
 *
 * <p>A request with no header, another scheme, or a malformed, unknown or revoked token is
 * answered 401 with {@code WWW-Authenticate: Bearer realm="access-ledger"} and an
 * {@link ErrorBody} saying which of those it was, and reaches no resource. Otherwise the request's
 * {@link jakarta.ws.rs.core.SecurityContext} names the {@link ApiClient} ({@link
 * ApiClient#of}) and answers {@code isUserInRole} for its one role, so that
 * {@code @RolesAllowed} on resources (enforced by Jersey's {@code RolesAllowedDynamicFeature}, at
 * the later {@link Priorities#AUTHORIZATION} priority) decides 403.
 *
 * <p>The token is never logged, put in a message or kept: messages say what is wrong, never what
 * was sent. Store failures propagate (a 500): the filter fails closed.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthFilter implements ContainerRequestFilter {
  /** The challenge sent with every 401 (RFC 6750 section 3). */
  public static final String CHALLENGE = "Bearer realm=\"access-ledger\"";

  private final ClientStore clients;

  /**
   * The request attribute under which a servlet filter in front of Jersey that has already
   * authenticated the request ({@code http.RequestBodies}) leaves an {@link Authenticated}, so the
   * store is asked once per request, not twice. Request attributes are set by the server only,
   * never by a client.
   */
  public static final String AUTHENTICATED = BearerAuthFilter.class.getName() + ".authenticated";

  /**
   * What an earlier filter found for exactly this {@code Authorization} header. It is used only
   * when the header Jersey sees is the same string, so a request carrying two headers (which
   * Jersey joins, and refuses) is judged exactly as if no earlier filter had run.
   */
  public record Authenticated(String header, ApiClient client) {}

  public BearerAuthFilter(ClientStore clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      refuse(request, "no Authorization header");
      return;
    }
    Optional<String> token = bearerToken(header);
    if (token.isEmpty()) {
      refuse(request, "the Authorization header is not a Bearer token");
      return;
    }
    Optional<ApiClient> client =
        request.getProperty(AUTHENTICATED) instanceof Authenticated earlier
            && earlier.header().equals(header)
        ? Optional.of(earlier.client()) : clients.authenticate(token.get());
    if (client.isEmpty()) {
      refuse(request, "unknown or revoked token");
      return;
    }
    request.setSecurityContext(
        new ClientSecurityContext(client.get(), request.getSecurityContext().isSecure()));
  }

  /**
   * The token of an {@code Authorization} header that holds one: empty for none, a blank one or
   * another scheme. The scheme is case-insensitive (RFC 9110 section 11.1); one space separates it
   * from the token.
   */
  public static Optional<String> bearerToken(String header) {
    int space = header == null ? -1 : header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase(ClientSecurityContext.SCHEME)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(space + 1).strip());
  }

  private static void refuse(ContainerRequestContext request, String problem) {
    request.abortWith(
        Response.status(Response.Status.UNAUTHORIZED)
            .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new ErrorBody(Response.Status.UNAUTHORIZED.getStatusCode(), problem))
            .build());
  }
}
