package io.accessledger.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accessledger.http.RequestLimits;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
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
 *   <li>{@code bodyTimeout} (5 s): a request body must have arrived in full within this time of
 *       its headers, or else bring at least {@code minBodyRate × bodyTimeout} more bytes (320 KiB)
 *       in every {@code bodyTimeout} until it is complete, the clock restarting each time that many
 *       have arrived; otherwise the request is answered 408 and nothing is written. So a stalled
 *       body is refused at most {@code bodyTimeout} after it stalls, however much came before; a
 *       large body that keeps arriving faster than the minimum rate is not.
 *   <li>{@code minBodyRate} (64 KiB, per second): see above.
 *   <li>{@code maxInFlightPerClient} (64): the most requests one authenticated client may have in
 *       progress at once (reading its body, waiting for the writer, or being answered); one more is
 *       answered 429 with {@code Retry-After}. Twice the 32 concurrent posters of
 *       {@code scripts/bench-api}, which all use one token.
 *   <li>{@code maxLargeBodiesPerClient} (2): the most bodies over 1 MiB (declared or received; only
 *       an ingest client's extract release may be that large) one client may have in flight at
 *       once, so one client cannot queue minutes of the single writer's time; one more is answered
 *       429 with {@code Retry-After}.
 *   <li>{@code maxBufferedBytes} (256 MiB): the most bytes all request bodies together may hold in
 *       memory at once, across the server (a body's buffer, and its inflated copy if gzip, counted
 *       as they grow); a body that would take the total past it is answered 503 with
 *       {@code Retry-After}. At least 32 MiB, so that one extract release always fits.
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

  @Min(1)
  private int maxLargeBodiesPerClient = 2;

  @NotNull
  @MinDataSize(value = 32, unit = DataSizeUnit.MEBIBYTES)
  private DataSize maxBufferedBytes = DataSize.mebibytes(256);

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

  @JsonProperty
  public int getMaxLargeBodiesPerClient() {
    return maxLargeBodiesPerClient;
  }

  @JsonProperty
  public void setMaxLargeBodiesPerClient(int maxLargeBodiesPerClient) {
    this.maxLargeBodiesPerClient = maxLargeBodiesPerClient;
  }

  @JsonProperty
  public DataSize getMaxBufferedBytes() {
    return maxBufferedBytes;
  }

  @JsonProperty
  public void setMaxBufferedBytes(DataSize maxBufferedBytes) {
    this.maxBufferedBytes = maxBufferedBytes;
  }

  /** The limits {@link io.accessledger.http.RequestBodies} enforces; call on validated settings. */
  public RequestLimits buildLimits() {
    return new RequestLimits(bodyTimeout.toNanoseconds(), minBodyRate.toBytes(),
        maxInFlightPerClient, maxLargeBodiesPerClient, maxBufferedBytes.toBytes());
  }
}
