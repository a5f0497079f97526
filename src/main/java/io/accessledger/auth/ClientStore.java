package io.accessledger.auth;

import java.util.List;
import java.util.Optional;

/**
 * The API clients and their tokens. {@code ClientStoreContract} (under {@code src/test}) tests
 * every guarantee below against each implementation.
 *
 * <p>Implementations:
 *
 * <ul>
 *   <li>MUST store a token only as {@link BearerTokens#hash its hash}: nothing they persist holds
 *       the token or any part of it, and the token exists outside the caller only as
 *       {@link #add}'s return value;
 *   <li>MUST answer {@link #authenticate} only for a well-formed token that was issued and is not
 *       revoked, MUST refuse a malformed one without reading the store, and MUST accept a token
 *       only on a constant-time comparison of its full hash with the stored one (for example
 *       {@link java.security.MessageDigest#isEqual}), never on a lookup or early-exit comparison
 *       alone;
 *   <li>MUST keep names unique ignoring case and MUST NOT ever delete a client, un-revoke one or
 *       reuse a name, even after revocation;
 *   <li>MUST make a revocation, or a new client, take effect for the very next
 *       {@link #authenticate}, also in another process or connection sharing the store: anything
 *       they remember between calls is checked against the store on every call;
 *   <li>MUST NOT remember unknown tokens, so that a flood of guesses cannot grow their memory;
 *   <li>MUST NOT put a token in an exception, log line or {@code toString}.
 * </ul>
 */
public interface ClientStore extends AutoCloseable {

  /**
   * Creates a client and its token. Bad input writes nothing.
   *
   * @param source the source system, for {@link Role#INGEST} only; null otherwise
   * @return the new bearer token, fresh from {@link BearerTokens#generate}: this is the only time
   *     it exists outside the caller
   * @throws IllegalArgumentException if the name, role or source is invalid (see {@link ApiClient})
   * @throws ClientException if a client of that name, ignoring case, exists or ever existed (names
   *     are never reused, so that audit entries naming a client stay unambiguous); of two adds of
   *     one name racing in different processes, exactly one succeeds
   */
  String add(String name, Role role, String source);

  /**
   * Revokes the client's token, from the next request on, in every process sharing the store.
   *
   * @param name the client's name exactly, case included
   * @return true if the client was active, false if it was already revoked (nothing changes, its
   *     revocation time included)
   * @throws ClientException if there is no client of exactly that name (nothing changes)
   */
  boolean revoke(String name);

  /**
   * The active client that {@code token} belongs to, or empty for a null, malformed, unknown or
   * revoked token. Reads the store on every call with a well-formed token.
   *
   * @throws io.accessledger.store.StoreException only if the store cannot be read, never because
   *     of what the token is
   */
  Optional<ApiClient> authenticate(String token);

  /**
   * The active client named exactly {@code name} (case included), or empty if there is none or it
   * is revoked. It MUST read the store on every call, so that a session opened with the client's
   * token (the console's) ends at the very next request after a revocation, also one made by
   * another process.
   *
   * @throws io.accessledger.store.StoreException only if the store cannot be read
   */
  Optional<ApiClient> active(String name);

  /**
   * Every client ever added, revoked ones included with their revocation time, in the order they
   * were added (oldest first). Never a token or its hash.
   */
  List<StoredClient> list();

  /**
   * Every client ever added with its token's hash, in the order added: the one read that returns
   * hashes, for copying the clients into another store ({@code migrate-ledger}) and nothing else.
   */
  List<ExportedClient> exportForCopy();

  /**
   * Adds exactly {@code clients} (from another store's {@link #exportForCopy}), in their order,
   * with their token hashes, creation and revocation times as given, in one transaction, so that
   * the same tokens authenticate the same clients here. Only into an empty store.
   *
   * @throws ClientException if the store already holds a client, or two of {@code clients} share a
   *     name ignoring case; nothing is added then
   */
  void importCopy(List<ExportedClient> clients);

  /** Releases what the store holds open (connections, files); it is not used afterwards. */
  @Override
  void close();
}
