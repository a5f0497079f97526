package io.accessledger.cosigning;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import io.dropwizard.lifecycle.Managed;
import io.accessledger.store.LedgerStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every configured witness to cosign the ledger's checkpoints, in the background: one thread
 * per witness, each running its {@link WitnessFeed} every half second, which sends a checkpoint at
 * most once per {@code witnessInterval}.
 *
 * <p>Appends MUST NOT wait for a witness, and do not: nothing on the write or ingest path calls
 * this class; it only reads the store and stores cosignatures, on its own threads, with connect
 * and answer timeouts ({@link #CONNECT_TIMEOUT}, {@link #ANSWER_TIMEOUT}). A witness that is down,
 * slow or refusing shows in its health check {@code witness-<name>} and its metrics, never in the
 * answers to appends.
 */
public final class WitnessSubmitter implements Managed {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final long TICK_MILLIS = 500;

  private final List<WitnessFeed> feeds;
  private ScheduledExecutorService threads;

  WitnessSubmitter(List<WitnessFeed> feeds) {
    this.feeds = List.copyOf(feeds);
  }

  /**
   * The submitter for {@code witnessing} over {@code store}, with each witness's health check
   * ({@code witness-<name>}) and metrics ({@code witness.<name>.failures}, a counter of failed
   * attempts; {@code witness.<name>.cosignature-age-seconds}, the age of its latest cosignature,
   * -1 before the first) registered. With no witness configured it does nothing.
   */
  public static WitnessSubmitter register(Witnessing witnessing, LedgerStore store,
      MetricRegistry metrics, HealthCheckRegistry health, Clock clock) {
    WitnessClient client = new WitnessClient(CONNECT_TIMEOUT, ANSWER_TIMEOUT);
    List<WitnessFeed> feeds = new ArrayList<>();
    for (WitnessEndpoint witness : witnessing.witnesses()) {
      WitnessFeed feed = new WitnessFeed(witness, store, client, witnessing.interval(), clock);
      feeds.add(feed);
      health.register("witness-" + witness.name(), new WitnessHealthCheck(feed, clock));
      String prefix = MetricRegistry.name("witness", witness.name());
      Counter failures = metrics.counter(MetricRegistry.name(prefix, "failures"));
      metrics.register(MetricRegistry.name(prefix, "cosignature-age-seconds"),
          (Gauge<Long>) () -> feed.status().cosignedAt()
              .map(at -> Math.max(0, Duration.between(at, clock.instant()).toSeconds()))
              .orElse(-1L));
      feed.onFailure(failures::inc);
    }
    return new WitnessSubmitter(feeds);
  }

  @Override
  public void start() {
    if (feeds.isEmpty()) {
      return;
    }
    AtomicInteger number = new AtomicInteger();
    threads = Executors.newScheduledThreadPool(feeds.size(), task -> {
      Thread thread = new Thread(task, "witness-submitter-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    for (WitnessFeed feed : feeds) {
      threads.scheduleWithFixedDelay(feed::submit, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (threads != null) {
      threads.shutdownNow();
      threads.awaitTermination(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Each witness's status now, in the order configured. */
  public List<WitnessStatus> statuses() {
    return feeds.stream().map(WitnessFeed::status).toList();
  }

  static String age(Instant then, Clock clock) {
    long seconds = Math.max(0, Duration.between(then, clock.instant()).toSeconds());
    return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min"
        : seconds / 3600 + " h";
  }
}
