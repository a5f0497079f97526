package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.console.session.ConsoleSessions;
import io.accessledger.console.session.SessionLimits;
import io.accessledger.console.session.SignInThrottle;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/**
 * {@code console}: the DPO console's sessions and sign-in limits (README, "For the DPO").
 * Defaults: sessions end after 15 minutes idle or 8 hours in all, at most 5 a client; 10 failed sign-ins from one
 * address in 15 minutes stop that address until the oldest is 15 minutes old.
 */
public class ConsoleSettings {
  @NotNull private Duration idleTimeout = Duration.minutes(15);
  @NotNull private Duration absoluteTimeout = Duration.hours(8);
  @Min(1) private int maxSessions = 10_000;
  @Min(1) private int maxSessionsPerClient = 5;
  @Min(1) private int maxFailedSignIns = 10;
  @NotNull private Duration failedSignInWindow = Duration.minutes(15);

  @JsonProperty
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  @JsonProperty
  public void setIdleTimeout(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  @JsonProperty
  public Duration getAbsoluteTimeout() {
    return absoluteTimeout;
  }

  @JsonProperty
  public void setAbsoluteTimeout(Duration absoluteTimeout) {
    this.absoluteTimeout = absoluteTimeout;
  }

  @JsonProperty
  public int getMaxSessions() {
    return maxSessions;
  }

  @JsonProperty
  public void setMaxSessions(int maxSessions) {
    this.maxSessions = maxSessions;
  }

  @JsonProperty
  public int getMaxSessionsPerClient() {
    return maxSessionsPerClient;
  }

  @JsonProperty
  public void setMaxSessionsPerClient(int maxSessionsPerClient) {
    this.maxSessionsPerClient = maxSessionsPerClient;
  }

  @JsonProperty
  public int getMaxFailedSignIns() {
    return maxFailedSignIns;
  }

  @JsonProperty
  public void setMaxFailedSignIns(int maxFailedSignIns) {
    this.maxFailedSignIns = maxFailedSignIns;
  }

  @JsonProperty
  public Duration getFailedSignInWindow() {
    return failedSignInWindow;
  }

  @JsonProperty
  public void setFailedSignInWindow(Duration failedSignInWindow) {
    this.failedSignInWindow = failedSignInWindow;
  }

  /**
   * The session store these settings describe.
   *
   * @throws IllegalArgumentException naming the setting if the idle timeout is longer than the
   *     absolute one
   */
  public ConsoleSessions buildSessions(Clock clock) {
    return new ConsoleSessions(new SessionLimits(idleTimeout.toJavaDuration(),
        absoluteTimeout.toJavaDuration(), maxSessions, maxSessionsPerClient), clock);
  }

  /** The sign-in limit these settings describe; it tracks at most 100 000 addresses. */
  public SignInThrottle buildSignInThrottle(Clock clock) {
    return new SignInThrottle(maxFailedSignIns, failedSignInWindow.toJavaDuration(), 100_000, clock);
  }
}
