package io.accessledger.auth;

import java.time.Instant;

/**
 * A client as the store holds it, for listings: never its token, which is not stored, nor its
 * token's hash, which callers have no use for.
 *
 * @param revokedAt when it was revoked, or null while it is active
 */
public record StoredClient(ApiClient client, Instant createdAt, Instant revokedAt) {
  public boolean isActive() {
    return revokedAt == null;
  }
}
