package io.accessledger.ledger.verify;

import io.accessledger.store.StoredLeaf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes stored leaves on all cores while keeping their order: the source is read in chunks, each
 * chunk is decoded on a pool, and results come back in the order the leaves were read. At most a
 * few chunks are in flight, so memory stays flat however long the log.
 */
final class ParallelLeafDecoder implements Iterator<DecodedLeaf>, AutoCloseable {
  private static final int CHUNK = 2048;

  private final Iterator<StoredLeaf> source;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final ArrayDeque<Future<List<DecodedLeaf>>> inFlight = new ArrayDeque<>();
  private Iterator<DecodedLeaf> current = List.<DecodedLeaf>of().iterator();

  ParallelLeafDecoder(Iterator<StoredLeaf> source) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    this.source = source;
    this.maxInFlight = threads * 2;
    this.pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "ledger-verify-decoder");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      fill();
      if (inFlight.isEmpty()) {
        return false;
      }
      current = await(inFlight.poll()).iterator();
    }
    return true;
  }

  @Override
  public DecodedLeaf next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void fill() {
    while (inFlight.size() < maxInFlight && source.hasNext()) {
      List<StoredLeaf> chunk = new ArrayList<>(CHUNK);
      while (chunk.size() < CHUNK && source.hasNext()) {
        chunk.add(source.next());
      }
      inFlight.add(pool.submit(() -> chunk.stream().map(DecodedLeaf::of).toList()));
    }
  }

  private static List<DecodedLeaf> await(Future<List<DecodedLeaf>> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("decoding leaves failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
