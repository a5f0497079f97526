package io.accessledger.http;

import io.accessledger.events.EventIngest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one POST holds of the server from its headers until it has been answered: its place among
 * its client's requests in flight, a place among its client's large bodies once its body is large
 * (over {@link #LARGE} bytes, declared or received), and its share of the server's
 * {@link BodyBudget}. {@link #release} gives all of them back, once, however often it is called,
 * so every path out of a request (answered, refused, broken off) can call it.
 */
final class RequestHold {
  /** A body over this many bytes is large: only an ingest client's extract release may be. */
  static final int LARGE = EventIngest.MAX_BODY_BYTES;

  private final String client;
  private final InFlightRequests.Slot slot;
  private final InFlightRequests largeBodies;
  private final BodyBudget.Reservation buffer;
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile InFlightRequests.Slot largeSlot;

  RequestHold(String client, InFlightRequests.Slot slot, InFlightRequests largeBodies,
      BodyBudget.Reservation buffer) {
    this.client = client;
    this.slot = slot;
    this.largeBodies = largeBodies;
    this.buffer = buffer;
  }

  /** The request's share of the server's buffer budget. */
  BodyBudget.Reservation buffer() {
    return buffer;
  }

  /**
   * Counts the body among its client's large bodies in flight; does nothing if it is counted
   * already. Called from one thread at a time (the request's, then its reads').
   *
   * @throws Refusal 429 with {@code Retry-After} if the client has as many as it may have already
   */
  void markLarge(String call) {
    if (largeSlot != null) {
      return;
    }
    InFlightRequests.Slot acquired = largeBodies.tryAcquire(client);
    if (acquired == null) {
      throw new Refusal(429, "client " + client + " has " + largeBodies.max() + " bodies over "
          + LARGE + " bytes in progress, the most one client may have at once"
          + " (requestLimits.maxLargeBodiesPerClient), and the body of " + call + " is over "
          + LARGE + " bytes too; nothing was appended; retry when one has been answered")
          .with("Retry-After", "1")
          .closing();
    }
    largeSlot = acquired;
    if (released.get()) {
      acquired.release(); // released meanwhile: give back what was taken after it
    }
  }

  void release() {
    if (released.compareAndSet(false, true)) {
      buffer.release();
      slot.release();
    }
    InFlightRequests.Slot large = largeSlot;
    if (large != null) {
      large.release();
    }
  }
}
