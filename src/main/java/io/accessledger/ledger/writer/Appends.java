package io.accessledger.ledger.writer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for an append on the caller's own thread (a request thread, never the writer's), turning
 * the future's failure back into the exception the writer raised.
 */
public final class Appends {
  /** How long a caller waits before answering "busy"; a healthy writer commits in milliseconds. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Appends() {}

  /**
   * The acknowledgement, once the entries are durable and covered by a stored checkpoint.
   *
   * @throws LedgerBusyException when the queue was full, or no acknowledgement came within
   *     {@link #TIMEOUT} (the entries may still land: a replay with the same event ids is safe)
   * @throws RuntimeException the writer's own failure, unwrapped
   */
  public static <T> T await(CompletableFuture<T> append) {
    try {
      return append.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new LedgerBusyException("the ledger did not acknowledge within " + TIMEOUT.toSeconds()
          + " s; retry (a replay with the same eventId is answered with the original entry)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerBusyException("interrupted while waiting for the ledger");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("append failed: " + cause, cause);
    }
  }
}
