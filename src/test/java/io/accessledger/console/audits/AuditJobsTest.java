package io.accessledger.console.audits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import io.accessledger.auth.Role;
import io.accessledger.console.session.ConsoleSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuditJobsTest {
  private static final AuditPeriod MARCH =
      new AuditPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
  private static final AuditPeriod APRIL =
      new AuditPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

  /** Runs what it is given only when told to. */
  private static final class Later implements Executor {
    final Queue<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      queued.add(task);
    }

    void runAll() {
      while (!queued.isEmpty()) {
        queued.poll().run();
      }
    }
  }

  /** A clock the test moves. */
  private static final class Moving extends Clock {
    Instant now = Instant.parse("2026-04-02T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final Later executor = new Later();
  private final Moving clock = new Moving();
  private final AtomicLong seqs = new AtomicLong(100);

  private static ConsoleSession session(String csrf) {
    return new ConsoleSession("dpo", Role.AUDITOR, csrf, Instant.EPOCH);
  }

  private static AuditResult result(long seq) {
    return new AuditResult(seq, seq + 1, List.of("NOT_ALLOCATED"), List.of());
  }

  private AuditJob start(AuditJobs jobs, ConsoleSession session, AuditPeriod period) {
    return jobs.start(session, period, seqs::getAndIncrement, (seq, progress) -> {
      progress.entriesRead(seq / 2, seq + 1);
      return result(seq);
    });
  }

  @Test
  void recordsFirstThenRunsInTheBackgroundReportingProgress() {
    AuditJobs jobs = new AuditJobs(executor, AuditJobs.Limits.DEFAULT, clock);
    ConsoleSession a = session("a");
    AuditJob job = start(jobs, a, MARCH);
    assertThat(job.seq()).isEqualTo(100);
    assertThat(job.state()).isEqualTo(AuditJob.State.WAITING);
    assertThat(job.of()).isEqualTo(-1);
    assertThat(AuditPages.progressText(job)).startsWith("Waiting");
    assertThat(jobs.latest(a, MARCH)).containsSame(job);
    assertThat(jobs.latest(a, APRIL)).isEmpty();
    assertThat(jobs.latest(session("b"), MARCH)).as("another session's").isEmpty();
    assertThat(jobs.find(session("b"), 100)).isEmpty();
    executor.runAll();
    assertThat(job.state()).isEqualTo(AuditJob.State.DONE);
    assertThat(job.result()).isEqualTo(result(100));
    assertThat(job.read()).isEqualTo(50);
    assertThat(job.of()).isEqualTo(101);
  }

  @Test
  void oneRunPerSessionAtATimeAndAtMostInFlightInAllRecordingNothingWhenRefused() {
    AuditJobs jobs = new AuditJobs(executor, new AuditJobs.Limits(2, 3, 24, Duration.ofHours(1)),
        clock);
    AuditJob going = start(jobs, session("a"), MARCH);
    assertThatThrownBy(() -> start(jobs, session("a"), APRIL))
        .isInstanceOfSatisfying(SessionBusyException.class,
            e -> assertThat(e.running()).isSameAs(going));
    start(jobs, session("b"), MARCH);
    assertThatThrownBy(() -> start(jobs, session("c"), MARCH))
        .isInstanceOf(AuditsFullException.class);
    assertThat(seqs.get()).as("refused starts record nothing").isEqualTo(102);
    executor.runAll();
    assertThat(start(jobs, session("a"), APRIL).seq()).isEqualTo(102);
    assertThat(start(jobs, session("c"), MARCH).seq()).isEqualTo(103);
  }

  @Test
  void aRecordThatFailsStartsNothingAndFreesItsPlace() {
    AuditJobs jobs = new AuditJobs(executor, new AuditJobs.Limits(1, 3, 24, Duration.ofHours(1)),
        clock);
    assertThatThrownBy(() -> jobs.start(session("a"), MARCH,
        () -> { throw new IllegalStateException("disk full"); }, (seq, p) -> result(seq)))
        .hasMessage("disk full");
    assertThat(executor.queued).isEmpty();
    assertThat(jobs.size()).isZero();
    assertThat(start(jobs, session("a"), MARCH).seq()).isEqualTo(100);
  }

  @Test
  void aFailedRunSaysWhyOnlyWhenTheServiceRefusedAndFreesItsPlace() {
    AuditJobs jobs = new AuditJobs(executor, new AuditJobs.Limits(1, 3, 24, Duration.ofHours(1)),
        clock);
    AuditJob refused = jobs.start(session("a"), MARCH, seqs::getAndIncrement,
        (seq, p) -> { throw ApiException.notFound("no such tree"); });
    executor.runAll();
    assertThat(refused.state()).isEqualTo(AuditJob.State.FAILED);
    assertThat(refused.failure()).isEqualTo("no such tree");
    AuditJob broken = jobs.start(session("a"), MARCH, seqs::getAndIncrement,
        (seq, p) -> { throw new IllegalStateException("secret path /var/x"); });
    executor.runAll();
    assertThat(broken.failure()).doesNotContain("secret").contains("service's log");
    assertThat(jobs.latest(session("a"), MARCH)).containsSame(broken);
  }

  @Test
  void finishedRunsAreKeptForAWhileAndWithinBounds() {
    AuditJobs jobs = new AuditJobs(executor, new AuditJobs.Limits(4, 2, 3, Duration.ofMinutes(30)),
        clock);
    ConsoleSession a = session("a");
    AuditJob first = start(jobs, a, MARCH);
    executor.runAll();
    clock.now = clock.now.plusSeconds(1);
    start(jobs, a, APRIL);
    executor.runAll();
    clock.now = clock.now.plusSeconds(1);
    AuditJob third = start(jobs, a, MARCH);
    executor.runAll();
    assertThat(jobs.size()).as("two per session").isEqualTo(2);
    assertThat(jobs.latest(a, MARCH)).containsSame(third);
    assertThat(jobs.find(a, first.seq())).isEmpty();
    for (String other : List.of("b", "c")) {
      clock.now = clock.now.plusSeconds(1);
      start(jobs, session(other), MARCH);
      executor.runAll();
    }
    assertThat(jobs.size()).as("three in all, the least recently seen dropped").isEqualTo(3);
    assertThat(jobs.latest(a, MARCH)).containsSame(third);
    assertThat(jobs.latest(a, APRIL)).isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(31));
    assertThat(jobs.latest(a, MARCH)).as("expired").isEmpty();
    assertThat(jobs.size()).isZero();
  }

  @Test
  void aRunGoingIsNeverDropped() {
    AuditJobs jobs = new AuditJobs(executor, new AuditJobs.Limits(4, 1, 1, Duration.ofMinutes(1)),
        clock);
    AuditJob going = start(jobs, session("a"), MARCH);
    clock.now = clock.now.plus(Duration.ofHours(2));
    start(jobs, session("b"), MARCH);
    assertThat(jobs.latest(session("a"), MARCH)).containsSame(going);
  }
}
