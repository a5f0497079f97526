package io.accessledger.console.session;

import java.time.Duration;

/**
 * How long a console session lives and how many there may be.
 *
 * @param idleTimeout a session unused for this long ends (its next request signs in again)
 * @param absoluteTimeout a session ends this long after sign-in, however busy
 * @param maxSessions open sessions at most; signing in past it ends the session idle longest, so a
 *     flood of sign-ins cannot grow the server's memory
 * @param maxSessionsPerClient open sessions of one client at most; one more ends that client's
 *     session idle longest, so one token cannot sign everyone else out by signing in again and again
 */
public record SessionLimits(Duration idleTimeout, Duration absoluteTimeout, int maxSessions,
    int maxSessionsPerClient) {
  public SessionLimits {
    if (idleTimeout.isNegative() || idleTimeout.isZero()
        || absoluteTimeout.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException("console.idleTimeout must be positive and no longer than"
          + " console.absoluteTimeout");
    }
    if (maxSessions < 1 || maxSessionsPerClient < 1) {
      throw new IllegalArgumentException("console.maxSessions and console.maxSessionsPerClient"
          + " must be at least 1");
    }
  }
}
