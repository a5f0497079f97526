package io.accessledger.auth;

import java.util.List;
import java.util.Optional;

/**
 * The API clients and their tokens.
 *
 * <p>Implementations MUST store a token only as {@link BearerTokens#hash its hash}, MUST NOT cache
 * authentications (a revocation takes effect for the very next request, also in another process
 * sharing the store), MUST NOT ever delete a client or reuse a name, and MUST NOT put a token in an
 * exception, log line or {@code toString}.
 */
public interface ClientStore {

  /**
   * Creates a client and its token.
   *
   * @param source the source system, for {@link Role#INGEST} only; null otherwise
   * @return the new bearer token: this is the only time it exists outside the caller
   * @throws IllegalArgumentException if the name, role or source is invalid (see {@link ApiClient})
   * @throws ClientException if a client of that name exists or ever existed (names are never
   *     reused, so that audit entries naming a client stay unambiguous)
   */
  String add(String name, Role role, String source);

  /**
   * Revokes the client's token, from the next request on.
   *
   * @return true if the client was active, false if it was already revoked (nothing changes)
   * @throws ClientException if there is no client of that name
   */
  boolean revoke(String name);

  /**
   * The active client that {@code token} belongs to, or empty for a malformed, unknown or revoked
   * token. Reads the store on every call.
   */
  Optional<ApiClient> authenticate(String token);

  /** Every client ever added, revoked ones included, oldest first. */
  List<StoredClient> list();
}
