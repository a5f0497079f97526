package io.accessledger.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
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
 * (at most {@code limit} bytes); 413 once more than {@code limit} bytes arrive; 408 once the
 * deadline passes, which is {@code bodyTimeout} after the headers, extended by one second for every
 * {@code minBodyRate} bytes that have arrived (checked on a scheduler thread, so a stall is seen
 * without any byte arriving); 408 if the connection idles out; 400 if the client breaks off. The
 * request's slot in its client's in-flight count is given back when the request completes,
 * whichever way it ends.
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
  private final InFlightRequests.Slot slot;
  private final long startNanos = System.nanoTime();
  private final ByteArrayOutputStream buffer;
  private final AtomicLong received = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile ScheduledFuture<?> check;
  private volatile byte[] body;
  private volatile Refusal refusal;

  BodyRead(AsyncContext async, String call, BodyHeaders.Coding coding, int limit,
      long declaredLength, BodyDeadline deadline, ScheduledExecutorService scheduler,
      InFlightRequests.Slot slot) throws IOException {
    this.async = async;
    this.in = async.getRequest().getInputStream();
    this.call = call;
    this.coding = coding;
    this.limit = limit;
    this.deadline = deadline;
    this.scheduler = scheduler;
    this.slot = slot;
    // At most 8 KiB up front, growing as bytes arrive: a declared length alone costs no memory.
    this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, 0), 8192));
  }

  /** Starts reading and the deadline; call once, on the thread that started async processing. */
  void start() {
    async.setTimeout(0); // the deadline below, and the connection's idle timeout, bound the read
    async.addListener(this);
    check = scheduler.schedule(this::checkDeadline, deadline.graceNanos(), TimeUnit.NANOSECONDS);
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

  /** The body as it arrived, or null if the read was refused. */
  byte[] body() {
    return body;
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
      buffer.write(chunk, 0, n);
      received.addAndGet(n);
    }
  }

  @Override
  public void onAllDataRead() {
    end(buffer.toByteArray(), null);
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
    long elapsed = System.nanoTime() - startNanos;
    long allowed = deadline.allowedNanos(received.get());
    if (elapsed >= allowed) {
      end(null, deadline.tooSlow(call, received.get(), elapsed));
    } else {
      check = scheduler.schedule(
          this::checkDeadline, Math.max(allowed - elapsed, MIN_CHECK_NANOS), TimeUnit.NANOSECONDS);
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
      // there is no one to answer, and onComplete gives the slot back.
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {
    slot.release();
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
