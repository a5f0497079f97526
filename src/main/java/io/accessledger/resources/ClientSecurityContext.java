package io.accessledger.resources;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.Role;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context of a request authenticated as {@code client}: the principal is the
 * {@link ApiClient}, and its only role is its {@link Role#externalName()}, which is what
 * {@code @RolesAllowed} (via Jersey's {@code RolesAllowedDynamicFeature}) checks. The API's
 * requests carry it with the {@code Bearer} scheme; the console's signed-in requests with
 * {@code Session}.
 *
 * @param scheme how the request was authenticated
 */
public record ClientSecurityContext(ApiClient client, boolean secure, String scheme)
    implements SecurityContext {
  static final String SCHEME = "Bearer";

  /** A request authenticated by its bearer token. */
  ClientSecurityContext(ApiClient client, boolean secure) {
    this(client, secure, SCHEME);
  }

  @Override
  public Principal getUserPrincipal() {
    return client;
  }

  @Override
  public boolean isUserInRole(String role) {
    return client.role().externalName().equals(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return scheme;
  }

  /**
   * The client a request was authenticated as, for resources ({@code @Context SecurityContext}).
   *
   * @throws IllegalStateException if the request was not authenticated by {@link BearerAuthFilter}
   *     (a wiring error: the filter is not registered)
   */
  public static ApiClient clientOf(SecurityContext context) {
    if (context != null && context.getUserPrincipal() instanceof ApiClient client) {
      return client;
    }
    throw new IllegalStateException(
        "the request has no authenticated API client: is BearerAuthFilter registered?");
  }
}
