package io.accessledger.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads one request body with Servlet non-blocking I/O, so that a body that arrives slowly, or not
 * at all, holds no thread: Jetty calls {@link #onDataAvailable} as bytes arrive, and nothing runs
 * in between.
 *
 * <p>The read ends exactly once, in one of these outcomes, and then hands the request back to the
 * container ({@link AsyncContext#dispatch()}) for {@link RequestBodies} to answer: the whole body
 * (at most {@code limit} bytes); 413 once more than {@code limit} bytes arrive; 429 once the body
 * passes {@link RequestHold#LARGE} bytes while its client has as many large bodies in flight as it
 * may; 503 once the server's {@link BodyBudget} has no room for the buffer to grow; 408 once a
 * {@link BodyDeadline} window passes without a step of bytes (checked on a scheduler thread, so a
 * stall is seen without any byte arriving); 408 if the connection idles out; 400 if the client
 * breaks off. What the request holds ({@link RequestHold}) is given back when the request
 * completes, whichever way it ends; the body's bytes are held once, and only until taken.
 */
final class BodyRead implements ReadListener, AsyncListener {
  /** Checks are never closer together than this, so a body at the minimum rate costs few checks. */
  private static final long MIN_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final AsyncContext async;
  private final ServletInputStream in;
  private final String call;
  private final BodyHeaders.Coding coding;
  private final int limit;
  private final BodyDeadline deadline;
  private final ScheduledExecutorService scheduler;
  private final RequestHold hold;
  private final long startNanos = System.nanoTime();
  private final BodyBuffer buffer;
  private final AtomicLong received = new AtomicLong();
  /** When the current window began, and what had been received then: read-thread writes only. */
  private volatile long windowStartNanos = startNanos;
  private long windowStartReceived;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile ScheduledFuture<?> check;
  private volatile byte[] body;
  private volatile Refusal refusal;

  BodyRead(AsyncContext async, String call, BodyHeaders.Coding coding, int limit,
      long declaredLength, BodyDeadline deadline, ScheduledExecutorService scheduler,
      RequestHold hold) throws IOException {
    this.async = async;
    this.in = async.getRequest().getInputStream();
    this.call = call;
    this.coding = coding;
    this.limit = limit;
    this.deadline = deadline;
    this.scheduler = scheduler;
    this.hold = hold;
    // Grows as bytes arrive, up to the declared length: a declared length alone costs no memory.
    this.buffer = new BodyBuffer(call, limit, declaredLength, hold.buffer());
  }

  /** Starts reading and the deadline; call once, on the thread that started async processing. */
  void start() {
    async.setTimeout(0); // the deadline below, and the connection's idle timeout, bound the read
    async.addListener(this);
    check = scheduler.schedule(this::checkDeadline, deadline.windowNanos(), TimeUnit.NANOSECONDS);
    in.setReadListener(this);
  }

  /** The method and path, for messages. */
  String call() {
    return call;
  }

  /** How the body is coded. */
  BodyHeaders.Coding coding() {
    return coding;
  }

  /** The most bytes the body may have, read or inflated. */
  int limit() {
    return limit;
  }

  /** What the request holds of the server. */
  RequestHold hold() {
    return hold;
  }

  /**
   * The body as it arrived, or null if the read was refused; once: this read keeps no reference,
   * so the body is held only by whoever took it (the read itself lives until the request ends).
   */
  byte[] takeBody() {
    byte[] taken = body;
    body = null;
    return taken;
  }

  /** Why the read was refused, or null if the body was read. */
  Refusal refusal() {
    return refusal;
  }

  @Override
  public void onDataAvailable() throws IOException {
    byte[] chunk = new byte[16 * 1024];
    while (!ended.get() && in.isReady() && !in.isFinished()) {
      int n = in.read(chunk);
      if (n < 0) {
        return;
      }
      if (buffer.size() + n > limit) {
        end(null, BodyLimits.tooLarge(call, "is over", limit));
        return;
      }
      try {
        if (buffer.size() + n > RequestHold.LARGE) {
          hold.markLarge(call);
        }
        buffer.write(chunk, 0, n);
      } catch (Refusal refused) {
        end(null, refused);
        return;
      }
      long now = received.addAndGet(n);
      if (now - windowStartReceived >= deadline.stepBytes()) {
        windowStartReceived = now; // a step arrived: a new window, crediting nothing from this one
        windowStartNanos = System.nanoTime();
      }
    }
  }

  @Override
  public void onAllDataRead() {
    if (!ended.get()) {
      end(buffer.take(), null);
    }
  }

  @Override
  public void onError(Throwable failure) {
    end(null, failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
        ? deadline.stalled(call, received.get())
        : new Refusal(400, "the body of " + call + " could not be read after " + received.get()
            + " bytes: " + problem(failure)).closing());
  }

  /** What went wrong, in a few words: never a stack trace. */
  private static String problem(Throwable failure) {
    String message = failure.getMessage();
    String said = message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    return said.length() > 200 ? said.substring(0, 200) + "…" : said;
  }

  private void checkDeadline() {
    if (ended.get()) {
      return;
    }
    long now = System.nanoTime();
    long left = windowStartNanos + deadline.windowNanos() - now;
    if (left <= 0) {
      end(null, deadline.tooSlow(call, received.get(), now - startNanos));
    } else {
      check = scheduler.schedule(
          this::checkDeadline, Math.max(left, MIN_CHECK_NANOS), TimeUnit.NANOSECONDS);
    }
  }

  /** Ends the read with the body or a refusal, once: later outcomes (a race) are dropped. */
  private void end(byte[] read, Refusal refused) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> pending = check;
    if (pending != null) {
      pending.cancel(false);
    }
    body = read;
    refusal = refused;
    try {
      async.dispatch();
    } catch (IllegalStateException e) {
      // The request is over already (the connection failed and the container completed it):
      // there is no one to answer, and onComplete gives back what the request holds.
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    body = null;
    hold.release();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    onError(new TimeoutException("the request timed out"));
  }

  @Override
  public void onError(AsyncEvent event) {
    onError(event.getThrowable() == null ? new IOException("the request failed") : event.getThrowable());
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // Only one asynchronous cycle: the filter never starts another.
  }
}
