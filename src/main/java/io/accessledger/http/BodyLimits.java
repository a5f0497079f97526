package io.accessledger.http;

import io.accessledger.events.EventIngest;

/**
 * The largest body each endpoint takes, checked before a resource sees it: 32 MiB for
 * {@code POST /v1/events} (an extract release naming up to 100 000 subjects; other events are held
 * to 1 MiB by {@link EventIngest}), 1 MiB for every other POST. The resources keep their own,
 * possibly smaller, limits.
 */
final class BodyLimits {
  private BodyLimits() {}

  /** @param path the request's path within the application, {@code /v1/events} */
  static int forPath(String path) {
    return path.equals("/v1/events") ? EventIngest.MAX_EXTRACT_BODY_BYTES : EventIngest.MAX_BODY_BYTES;
  }

  /**
   * 413, closing the connection: the rest of the body is not read.
   *
   * @param size what is known of the body's size, to be followed by the limit: "is 2000000 bytes,
   *     over", "is over", "inflates to over"
   */
  static Refusal tooLarge(String call, String size, int limit) {
    return new Refusal(413, "the body of " + call + " " + size + " the " + limit
        + " bytes it may hold").closing();
  }
}
