package io.accessledger.http;

/**
 * How much of the server one client may hold, as {@link RequestBodies} enforces it: built from the
 * {@code requestLimits:} section of config.yml ({@code RequestLimitsSettings#buildLimits}).
 *
 * @param bodyTimeoutNanos how long a body may go without bringing
 *     {@code minBodyRate × bodyTimeout} more bytes ({@link BodyDeadline})
 * @param minBodyRateBytesPerSecond see {@code bodyTimeoutNanos}
 * @param maxInFlightPerClient requests one client may have in progress at once
 * @param maxLargeBodiesPerClient bodies over 1 MiB one client may have in flight at once
 * @param maxBufferedBytes bytes all request bodies together may hold in memory ({@link BodyBudget})
 */
public record RequestLimits(long bodyTimeoutNanos, long minBodyRateBytesPerSecond,
    int maxInFlightPerClient, int maxLargeBodiesPerClient, long maxBufferedBytes) {

  /** @throws IllegalArgumentException if any limit is not positive */
  public RequestLimits {
    if (bodyTimeoutNanos <= 0 || minBodyRateBytesPerSecond <= 0 || maxInFlightPerClient <= 0
        || maxLargeBodiesPerClient <= 0 || maxBufferedBytes <= 0) {
      throw new IllegalArgumentException("every request limit must be positive, not "
          + bodyTimeoutNanos + " ns, " + minBodyRateBytesPerSecond + " B/s, "
          + maxInFlightPerClient + ", " + maxLargeBodiesPerClient + " and "
          + maxBufferedBytes + " B");
    }
  }
}
