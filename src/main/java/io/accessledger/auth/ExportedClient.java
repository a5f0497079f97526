package io.accessledger.auth;

import io.accessledger.ledger.merkle.Digest;
import java.util.Objects;

/**
 * A client as one {@link ClientStore} hands it to another when a deployment moves backend
 * ({@code migrate-ledger}): what {@link StoredClient} holds, and the SHA-256 of its token, so that
 * every token issued keeps working. Never the token itself, which no store holds.
 *
 * <p>The hash is no secret in the way the token is (a 256-bit token cannot be found from it), but
 * it is still what lets a stolen copy of the store be matched against tokens seen elsewhere: this
 * record exists only for copying between stores and MUST NOT be logged or answered to a client.
 */
public record ExportedClient(StoredClient stored, Digest tokenHash) {
  public ExportedClient {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(tokenHash, "tokenHash");
  }

  /** Names the client only: never its token's hash. */
  @Override
  public String toString() {
    return "ExportedClient[" + stored + "]";
  }
}
