package io.accessledger.http;

import io.accessledger.auth.Role;
import io.accessledger.events.EventIngest;

/**
 * The largest body each request takes, checked before a resource sees it: 32 MiB for
 * {@code POST /v1/events} from an ingest client (an extract release naming up to 100 000 subjects;
 * other events are held to 1 MiB by {@link EventIngest}), 1 MiB for every other POST and for every
 * other role (only ingest clients post events: anyone else's post there is refused 403 anyway, so
 * it may not make the server buffer more than 1 MiB first). The resources keep their own, possibly
 * smaller, limits.
 */
final class BodyLimits {
  private BodyLimits() {}

  /**
   * @param path the request's path within the application, {@code /v1/events}
   * @param role the role of the client that sent it
   */
  static int forRequest(String path, Role role) {
    return path.equals("/v1/events") && role == Role.INGEST
        ? EventIngest.MAX_EXTRACT_BODY_BYTES
        : EventIngest.MAX_BODY_BYTES;
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
