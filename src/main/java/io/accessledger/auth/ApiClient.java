package io.accessledger.auth;

import io.accessledger.ledger.leaf.EventIdentity;
import java.security.Principal;
import java.util.regex.Pattern;

/**
 * An authenticated caller of the HTTP API: the principal of every request that passed
 * {@code BearerAuthFilter}. Holds no secret, so it may be logged and written into audit entries.
 *
 * @param name unique for the life of the ledger (never reused, even after revocation): 1–64 of
 *     {@code A-Za-z0-9._-}
 * @param role what the client may do
 * @param source for {@link Role#INGEST} only (and required there): the records system whose events
 *     this client posts, which becomes the {@code source} of its entries; null for other roles.
 *     Same characters as a name; {@value #RESERVED_SOURCE} is reserved for the ledger's own entries
 */
public record ApiClient(String name, Role role, String source) implements Principal {
  /** The source of the ledger's own {@code AUDIT_QUERY} entries, which no client may claim. */
  public static final String RESERVED_SOURCE = EventIdentity.LEDGER_SOURCE;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** @throws IllegalArgumentException naming what is wrong with the name, role or source */
  public ApiClient {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a client name must be 1-64 of A-Za-z0-9._- ; got '" + name + "'");
    }
    if (role == null) {
      throw new IllegalArgumentException("a client needs a role; valid roles: " + Role.validNames());
    }
    if (role == Role.INGEST) {
      if (source == null) {
        throw new IllegalArgumentException(
            "an ingest client needs a source system: the records system whose events it posts");
      }
      if (!IDENTIFIER.matcher(source).matches()) {
        throw new IllegalArgumentException(
            "a source system must be 1-64 of A-Za-z0-9._- ; got '" + source + "'");
      }
      if (source.equals(RESERVED_SOURCE)) {
        throw new IllegalArgumentException("the source system '" + RESERVED_SOURCE
            + "' is reserved for the ledger's own AUDIT_QUERY entries");
      }
    } else if (source != null) {
      throw new IllegalArgumentException(
          "only ingest clients have a source system; a " + role + " client takes none");
    }
  }

  @Override
  public String getName() {
    return name;
  }

}
