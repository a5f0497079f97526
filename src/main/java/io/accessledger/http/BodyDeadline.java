package io.accessledger.http;

import java.util.Locale;

/**
 * When a request body must have arrived: {@code grace} after its headers, extended by one second
 * for every {@code bytesPerSecond} bytes received. So a stalled body is refused about
 * {@code grace} after it stalls (sooner if it never started), and a body that keeps arriving at
 * {@code bytesPerSecond} or faster is never refused, however large.
 */
record BodyDeadline(long graceNanos, long bytesPerSecond) {
  BodyDeadline {
    if (graceNanos <= 0 || bytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "the body timeout and rate must be positive, not " + graceNanos + " ns and " + bytesPerSecond);
    }
  }

  /** How long after its headers a body that has {@code received} bytes so far may still take. */
  long allowedNanos(long received) {
    double extra = received * 1e9 / bytesPerSecond;
    return extra >= Long.MAX_VALUE - graceNanos ? Long.MAX_VALUE : graceNanos + (long) extra;
  }

  /** 408 for a body still incomplete at its deadline. */
  Refusal tooSlow(String call, long received, long elapsedNanos) {
    return timeout(String.format(Locale.ROOT, "the body of %s arrived too slowly: %s in %.1f s",
        call, bytes(received), elapsedNanos / 1e9));
  }

  /** 408 for a body whose connection idled out before the deadline. */
  Refusal stalled(String call, long received) {
    return timeout("the body of " + call + " stalled after " + bytes(received));
  }

  private static String bytes(long count) {
    return count == 1 ? "1 byte" : count + " bytes";
  }

  private Refusal timeout(String problem) {
    return new Refusal(408, String.format(Locale.ROOT, "%s; a body must arrive within %.1f s of the"
            + " headers, plus 1 s for every %d bytes received; nothing was appended",
        problem, graceNanos / 1e9, bytesPerSecond)).closing();
  }
}
