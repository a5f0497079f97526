package io.accessledger.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts each client's requests in progress and holds each client to at most {@code max} of them.
 * Keyed by client name (unique and never reused, so never a token); a client with nothing in
 * progress has no entry, so the map holds at most one entry per client with a request under way.
 */
final class InFlightRequests {
  private final int max;
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  InFlightRequests(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one request per client must be allowed, not " + max);
    }
    this.max = max;
  }

  int max() {
    return max;
  }

  /** A slot for one more request of {@code client}, or null if it has {@link #max} already. */
  Slot tryAcquire(String client) {
    boolean[] acquired = {false};
    counts.compute(client, (name, count) -> {
      int now = count == null ? 0 : count;
      if (now >= max) {
        return count;
      }
      acquired[0] = true;
      return now + 1;
    });
    return acquired[0] ? new Slot(client) : null;
  }

  /** The client's requests in progress now. */
  int inFlight(String client) {
    return counts.getOrDefault(client, 0);
  }

  /** One request's place in its client's count, given back once, however often it is released. */
  final class Slot {
    private final String client;
    private final AtomicBoolean released = new AtomicBoolean();

    private Slot(String client) {
      this.client = client;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        counts.computeIfPresent(client, (name, count) -> count <= 1 ? null : count - 1);
      }
    }
  }
}
