package io.accessledger.health;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.ledger.writer.Sequencer;
import java.util.Optional;

/**
 * Healthy when the ledger's writer thread is running and its latest batch was written. Unhealthy
 * means appends are failing: the message carries the store's reason.
 */
public final class WriterHealthCheck extends HealthCheck {
  private final Sequencer sequencer;

  public WriterHealthCheck(Sequencer sequencer) {
    this.sequencer = sequencer;
  }

  @Override
  protected Result check() {
    if (!sequencer.writerAlive()) {
      return Result.unhealthy("the ledger's writer thread has stopped");
    }
    Optional<Throwable> failure = sequencer.lastFailure();
    if (failure.isPresent()) {
      return Result.unhealthy("the latest batch, or part of it, could not be written: " + failure.get().getMessage());
    }
    return Result.healthy(sequencer.batchesWritten() + " batches written since start");
  }
}
