package io.accessledger.support;

import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A store whose appends a test can hold at a gate, to make a race between nodes happen in a
 * chosen order: the writer stops inside {@link #append}, before the real store sees the batch,
 * until the test opens the gate. Each gate stops one batch, the first it matches.
 */
public final class GatedStore extends ForwardingLedgerStore {
  private final List<Gate> gates = new CopyOnWriteArrayList<>();

  public GatedStore(LedgerStore delegate) {
    super(delegate);
  }

  /** A gate that stops the first batch {@code stops} matches. */
  public Gate gate(Predicate<AppendBatch> stops) {
    Gate gate = new Gate(stops);
    gates.add(gate);
    return gate;
  }

  @Override
  public void append(AppendBatch batch) {
    for (Gate gate : gates) {
      if (gate.stop(batch)) {
        break;
      }
    }
    super.append(batch);
  }

  /** Whether {@code batch} holds a leaf recording {@code eventId}. */
  public static boolean holds(AppendBatch batch, String eventId) {
    return batch.leaves().stream()
        .anyMatch(l -> l.key() != null && l.key().eventId().equals(eventId));
  }

  /** One stop. */
  public static final class Gate {
    private final Predicate<AppendBatch> stops;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    private Gate(Predicate<AppendBatch> stops) {
      this.stops = stops;
    }

    private synchronized boolean claim(AppendBatch batch) {
      if (arrived.getCount() == 0 || !stops.test(batch)) {
        return false;
      }
      arrived.countDown();
      return true;
    }

    private boolean stop(AppendBatch batch) {
      if (!claim(batch)) {
        return false;
      }
      try {
        if (!open.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the gate was never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return true;
    }

    /** Waits until a batch is held here. */
    public void awaitArrival() throws InterruptedException {
      if (!arrived.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no batch reached the gate");
      }
    }

    /** Lets the held batch (and every later one) through. */
    public void open() {
      open.countDown();
    }
  }
}
