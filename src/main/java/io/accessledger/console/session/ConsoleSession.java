package io.accessledger.console.session;

import io.accessledger.auth.Role;
import java.time.Instant;

/**
 * A signed-in person's session in the console, as the server holds it: never the bearer token it
 * was opened with, and never the session's cookie value (only its hash, in {@link ConsoleSessions}).
 *
 * @param client the API client's name, which every {@code AUDIT_QUERY} and {@code REVIEW} entry the
 *     session causes names as its actor
 * @param role the client's role when the session opened; a session whose client no longer has it
 *     is ended
 * @param csrf the token every form of this session carries; a POST without it changes nothing
 * @param openedAt when it opened: it ends at the absolute timeout after this, however busy
 */
public record ConsoleSession(String client, Role role, String csrf, Instant openedAt) {

  /** Whether this session may run audits, review findings and read the registers. */
  public boolean isAuditor() {
    return role == Role.AUDITOR;
  }
}
