package io.accessledger.evidence;

import java.util.Objects;

/**
 * Who a bundle says asked for it ({@code requestedBy}): a client's name and role, which
 * {@link BundleVerifier} checks against the {@code AUDIT_QUERY} entry that recorded the request.
 */
public record BundleRequester(String id, String role) {
  public BundleRequester {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }
}
