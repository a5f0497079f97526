package io.accessledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The {@code requestLimits:} section of {@code config.yml}: how much of the server one client may
 * hold, so that a slow or greedy client (even one with a valid token) cannot starve the others.
 * Enforced on {@code /v1/*} by {@link io.accessledger.http.RequestBodies}.
 *
 * <ul>
 *   <li>{@code bodyTimeout} (5 s): a request body must have arrived in full within this time,
 *       extended by one second for every {@code minBodyRate} bytes that have arrived; otherwise the
 *       request is answered 408 and nothing is written. A stalled body is refused a few seconds
 *       after it stalls; a large body that keeps arriving at the minimum rate is not.
 *   <li>{@code minBodyRate} (64 KiB, per second): see above.
 *   <li>{@code maxInFlightPerClient} (64): the most requests one authenticated client may have in
 *       progress at once (reading its body, waiting for the writer, or being answered); one more is
 *       answered 429 with {@code Retry-After}. Twice the 32 concurrent posters of
 *       {@code scripts/bench-api}, which all use one token.
 * </ul>
 */
public class RequestLimitsSettings {
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
  private Duration bodyTimeout = Duration.seconds(5);

  @NotNull
  @MinDataSize(1)
  private DataSize minBodyRate = DataSize.kibibytes(64);

  @Min(1)
  private int maxInFlightPerClient = 64;

  @JsonProperty
  public Duration getBodyTimeout() {
    return bodyTimeout;
  }

  @JsonProperty
  public void setBodyTimeout(Duration bodyTimeout) {
    this.bodyTimeout = bodyTimeout;
  }

  @JsonProperty
  public DataSize getMinBodyRate() {
    return minBodyRate;
  }

  @JsonProperty
  public void setMinBodyRate(DataSize minBodyRate) {
    this.minBodyRate = minBodyRate;
  }

  @JsonProperty
  public int getMaxInFlightPerClient() {
    return maxInFlightPerClient;
  }

  @JsonProperty
  public void setMaxInFlightPerClient(int maxInFlightPerClient) {
    this.maxInFlightPerClient = maxInFlightPerClient;
  }
}
