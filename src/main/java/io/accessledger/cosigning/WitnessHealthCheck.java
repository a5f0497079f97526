package io.accessledger.cosigning;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;

/**
 * {@code witness-<name>}: unhealthy while the witness's last attempt failed (down, refusing,
 * answering what does not verify) or after it raised an alarm, giving the reason and how long ago
 * its latest cosignature was made. A witness that is down is a health check, not an outage: the
 * ledger keeps acknowledging appends.
 */
final class WitnessHealthCheck extends HealthCheck {
  private final WitnessFeed feed;
  private final Clock clock;

  WitnessHealthCheck(WitnessFeed feed, Clock clock) {
    this.feed = feed;
    this.clock = clock;
  }

  @Override
  protected Result check() {
    WitnessStatus status = feed.status();
    String latest = status.cosignedAt()
        .map(at -> "its latest cosignature (tree size " + status.cosignedSize() + ") is "
            + WitnessSubmitter.age(at, clock) + " old")
        .orElse("it has not cosigned any checkpoint of this log yet");
    if (status.alarm().isPresent()) {
      return Result.unhealthy("ALARM: " + status.alarm().get() + "; " + latest
          + ". This stays until the server restarts: find out why before trusting the log's"
          + " checkpoints to this witness");
    }
    if (status.problem().isPresent()) {
      return Result.unhealthy(status.problem().get() + " (" + status.failures()
          + " failed attempts in a row); " + latest + ". Appends are not affected");
    }
    return Result.healthy(feed.witness().url() + ": " + latest);
  }
}
