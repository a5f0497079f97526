package io.accessledger.http;

import java.util.Locale;

/**
 * How fast a request body must arrive: within {@code window} of its headers, or else with at least
 * {@code window × bytesPerSecond} bytes (a "step") arriving in every {@code window} until it is
 * complete. The clock restarts each time a step has arrived, and restarts from that moment, so
 * nothing received earlier is credited to later: a body that stalls is refused at most
 * {@code window} after it stalls, whatever came before (a fast 32 MiB followed by a trickle gains
 * nothing), and a body that keeps arriving faster than {@code bytesPerSecond} is never refused,
 * however large.
 */
record BodyDeadline(long windowNanos, long bytesPerSecond) {
  BodyDeadline {
    if (windowNanos <= 0 || bytesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "the body timeout and rate must be positive, not " + windowNanos + " ns and " + bytesPerSecond);
    }
  }

  /** The bytes that restart the clock: {@code bytesPerSecond} for each second of the window. */
  long stepBytes() {
    double step = Math.ceil(bytesPerSecond * (windowNanos / 1e9));
    return step >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) step);
  }

  /** 408 for a body that went a whole window without a step. */
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
            + " headers, or bring at least %d more bytes in every %.1f s until it is complete;"
            + " nothing was appended",
        problem, windowNanos / 1e9, stepBytes(), windowNanos / 1e9)).closing();
  }
}
