package io.accessledger.http;

/**
 * The bytes that request bodies may hold in memory at once, across the whole server
 * ({@code requestLimits.maxBufferedBytes}), so that many clients together, each within its own
 * limits, cannot fill the heap. Each request takes a {@link Reservation}, grows it before its
 * buffer grows (as bytes arrive or inflate) and gives it all back once, when the request completes
 * whichever way it ends. A request whose buffer would take the total past the bound is refused
 * 503 with {@code Retry-After}: the server is busy, not the request wrong.
 */
final class BodyBudget {
  private final long max;
  private long used; // guarded by this

  BodyBudget(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("the buffer budget must be positive, not " + max);
    }
    this.max = max;
  }

  long max() {
    return max;
  }

  /** The bytes reserved by request bodies now. */
  synchronized long used() {
    return used;
  }

  /** A reservation of nothing yet, for one request. */
  Reservation open() {
    return new Reservation();
  }

  /** One request's share of the budget. Safe to call from the threads a request's read runs on. */
  final class Reservation {
    private long held; // guarded by BodyBudget.this
    private boolean released; // guarded by BodyBudget.this

    /**
     * Reserves {@code bytes} more for {@code call}'s body.
     *
     * @throws Refusal 503 if the server's budget would be exceeded, or the request is over already
     */
    void add(long bytes, String call) {
      synchronized (BodyBudget.this) {
        if (released || used + bytes > max) {
          throw new Refusal(503, "the server is holding " + used + " bytes of request bodies, and"
              + " the " + bytes + " more that the body of " + call + " needs would take it past the "
              + max + " it holds at once (requestLimits.maxBufferedBytes); nothing was appended;"
              + " retry shortly").with("Retry-After", "1").closing();
        }
        used += bytes;
        held += bytes;
      }
    }

    /** Gives back {@code bytes} of what this reservation holds: memory no longer in use. */
    void giveBack(long bytes) {
      synchronized (BodyBudget.this) {
        long given = Math.min(bytes, held);
        held -= given;
        used -= given;
      }
    }

    /** Gives back everything, once; the reservation takes no more after this. */
    void release() {
      synchronized (BodyBudget.this) {
        released = true;
        used -= held;
        held = 0;
      }
    }
  }
}
