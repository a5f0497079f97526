package io.accessledger.ledger.verify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a stream on a thread of its own, a chunk ahead of the caller: the verifier reads the
 * event-id index through a second snapshot this way, so that SQLite sorts and reads those rows on
 * another core while the ordered walk reads the leaves.
 *
 * <p>The stream is opened, read and closed on the reading thread. At most {@code CHUNKS_AHEAD}
 * chunks wait in memory, so memory stays flat however long the stream. If reading fails, the
 * rows read before are still delivered and then {@link #hasNext} throws the failure, as the
 * stream itself would have (an {@code Error} included). {@link #close} stops the reader and waits
 * for it.
 */
final class PrefetchingIterator<T> implements Iterator<T>, AutoCloseable {
  private static final int CHUNK = 1024;
  private static final int CHUNKS_AHEAD = 4;

  /** What the reader hands over: rows, then either the end or the failure that ended it. */
  private record Chunk<T>(List<T> rows, Throwable failure, boolean last) {}

  private final BlockingQueue<Chunk<T>> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  private final Thread reader;
  private volatile boolean closed;
  private Iterator<T> current = List.<T>of().iterator();
  private Chunk<T> pendingEnd;

  PrefetchingIterator(Supplier<Stream<T>> open, String threadName) {
    this.reader = new Thread(() -> read(open), threadName);
    reader.setDaemon(true);
    reader.start();
  }

  private void read(Supplier<Stream<T>> open) {
    List<T> rows = new ArrayList<>(CHUNK);
    try (Stream<T> stream = open.get()) {
      Iterator<T> it = stream.iterator();
      while (!closed && it.hasNext()) {
        rows.add(it.next());
        if (rows.size() == CHUNK) {
          hand(new Chunk<>(rows, null, false));
          rows = new ArrayList<>(CHUNK);
        }
      }
      hand(new Chunk<>(rows, null, true));
    } catch (Throwable e) {
      // Errors too: the caller must never wait for a chunk that will not come.
      hand(new Chunk<>(rows, e, true));
    }
  }

  /** Waits for room, giving up once the caller has closed. */
  private void hand(Chunk<T> chunk) {
    try {
      while (!closed && !chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
        // the caller is busy; wait
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      if (pendingEnd != null) {
        Throwable failure = pendingEnd.failure();
        if (failure instanceof RuntimeException e) {
          throw e;
        } else if (failure instanceof Error e) {
          throw e;
        } else if (failure != null) {
          throw new IllegalStateException(failure);
        }
        return false;
      }
      Chunk<T> chunk;
      try {
        chunk = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading ahead", e);
      }
      current = chunk.rows().iterator();
      if (chunk.last()) {
        pendingEnd = chunk;
      }
    }
    return true;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  @Override
  public void close() {
    closed = true;
    chunks.clear();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
