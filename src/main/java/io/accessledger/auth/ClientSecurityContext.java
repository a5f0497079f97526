package io.accessledger.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The security context of a request authenticated as {@code client}: the principal is the
 * {@link ApiClient}, and its only role is its {@link Role#externalName()}, which is what
 * {@code @RolesAllowed} (via Jersey's {@code RolesAllowedDynamicFeature}) checks.
 */
record ClientSecurityContext(ApiClient client, boolean secure) implements SecurityContext {
  static final String SCHEME = "Bearer";

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
    return SCHEME;
  }
}
