package io.accessledger.console.audits;

import io.accessledger.api.ApiException;
import io.accessledger.console.session.ConsoleSession;
import io.accessledger.query.NeedToKnowAudits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's need-to-know audits, run in the background so a page can show their progress.
 * Kept in this node's memory for its own sessions (see {@code ConsoleSessions}); a finished run's
 * result is a complete answer over the tree it read, which no later append changes.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>A session has at most one run waiting or running; starting another is refused ({@link
 *       SessionBusyException}) before anything is recorded.
 *   <li>At most {@link Limits#inFlight} runs wait or run at once, whatever the sessions; past
 *       that, starting is refused ({@link AuditsFullException}) before anything is recorded.
 *   <li>A run is recorded first (the {@code record} step, on the caller's thread) and runs only
 *       once that has returned its entry; if recording fails, nothing runs and nothing is kept.
 *   <li>A session sees only its own runs. Finished runs are kept for {@link Limits#keep} after
 *       they were last looked at, at most {@link Limits#perSession} per session and {@link
 *       Limits#kept} in all (the least recently looked at go first), so memory is bounded.
 * </ul>
 * Thread-safe.
 */
public final class AuditJobs {
  private static final Logger LOG = LoggerFactory.getLogger(AuditJobs.class);

  /** The bounds; see the class's guarantees. */
  public record Limits(int inFlight, int perSession, int kept, Duration keep) {
    public static final Limits DEFAULT = new Limits(4, 3, 24, Duration.ofMinutes(30));
  }

  /** The audit itself: runs the audit recorded as {@code auditSeq}, telling {@code progress}. */
  @FunctionalInterface
  public interface Work {
    AuditResult run(long auditSeq, NeedToKnowAudits.Progress progress);
  }

  private final Executor executor;
  private final Limits limits;
  private final Clock clock;
  private final Semaphore inFlight;
  /** Each session's runs, newest first. Guarded by itself. */
  private final Map<ConsoleSession, Deque<AuditJob>> bySession = new HashMap<>();
  /** Sessions whose run is being recorded. Guarded by {@link #bySession}. */
  private final Set<ConsoleSession> starting = new HashSet<>();

  public AuditJobs(Executor executor, Limits limits, Clock clock) {
    this.executor = executor;
    this.limits = limits;
    this.clock = clock;
    this.inFlight = new Semaphore(limits.inFlight());
  }

  /**
   * Records a run with {@code record} (which returns its entry's {@code seq}) and starts {@code
   * work} in the background.
   *
   * @throws SessionBusyException if the session has a run going
   * @throws AuditsFullException if {@link Limits#inFlight} runs are going
   */
  public AuditJob start(ConsoleSession session, AuditPeriod period, LongSupplier record,
      Work work) {
    synchronized (bySession) {
      if (starting.contains(session)) {
        throw new SessionBusyException(null);
      }
      Optional<AuditJob> going = jobs(session).stream().filter(j -> !j.finished()).findFirst();
      if (going.isPresent()) {
        throw new SessionBusyException(going.get());
      }
      if (!inFlight.tryAcquire()) {
        throw new AuditsFullException();
      }
      starting.add(session);
    }
    AuditJob job;
    try {
      job = new AuditJob(record.getAsLong(), period, clock.instant());
    } catch (RuntimeException e) {
      synchronized (bySession) {
        starting.remove(session);
      }
      inFlight.release();
      throw e;
    }
    synchronized (bySession) {
      starting.remove(session);
      bySession.computeIfAbsent(session, s -> new ArrayDeque<>()).addFirst(job);
      evict();
    }
    try {
      executor.execute(() -> run(job, work));
    } catch (RejectedExecutionException e) {
      inFlight.release();
      job.failed("The console is shutting down; the audit did not run.", clock.instant());
    }
    return job;
  }

  private void run(AuditJob job, Work work) {
    try {
      job.running();
      job.done(work.run(job.seq(), job::progress), clock.instant());
    } catch (RuntimeException | Error e) {
      LOG.error("need-to-know audit {} failed", job.seq(), e);
      job.failed(e instanceof ApiException ? e.getMessage()
          : "The audit could not be completed. The error is in the service's log.",
          clock.instant());
      if (e instanceof Error error) {
        throw error;
      }
    } finally {
      inFlight.release();
      synchronized (bySession) {
        evict(); // a finished run now counts against the bounds
      }
    }
  }

  /** The session's newest run of {@code period}, marked as looked at now. */
  public Optional<AuditJob> latest(ConsoleSession session, AuditPeriod period) {
    synchronized (bySession) {
      evict();
      return seen(jobs(session).stream().filter(j -> j.period().equals(period)).findFirst());
    }
  }

  /** The session's run recorded as entry {@code seq}, marked as looked at now. */
  public Optional<AuditJob> find(ConsoleSession session, long seq) {
    synchronized (bySession) {
      evict();
      return seen(jobs(session).stream().filter(j -> j.seq() == seq).findFirst());
    }
  }

  /** How many runs are kept, finished or not (for tests of the bounds). */
  int size() {
    synchronized (bySession) {
      return bySession.values().stream().mapToInt(Deque::size).sum();
    }
  }

  private Optional<AuditJob> seen(Optional<AuditJob> job) {
    job.ifPresent(j -> j.seen(clock.instant()));
    return job;
  }

  private Deque<AuditJob> jobs(ConsoleSession session) {
    return bySession.getOrDefault(session, new ArrayDeque<>());
  }

  /** Drops expired finished runs, then the oldest past the bounds. Holds the lock. */
  private void evict() {
    Instant expired = clock.instant().minus(limits.keep());
    int finished = 0;
    for (Iterator<Deque<AuditJob>> sessions = bySession.values().iterator(); sessions.hasNext();) {
      Deque<AuditJob> jobs = sessions.next();
      int kept = 0;
      for (Iterator<AuditJob> it = jobs.iterator(); it.hasNext();) {
        AuditJob job = it.next();
        if (!job.finished()) {
          continue; // a run going is never dropped: the in-flight bound holds those
        }
        if (job.lastSeen().isBefore(expired) || ++kept > limits.perSession()) {
          it.remove();
        } else {
          finished++;
        }
      }
      if (jobs.isEmpty()) {
        sessions.remove();
      }
    }
    while (finished-- > limits.kept()) {
      bySession.values().stream().flatMap(Deque::stream).filter(AuditJob::finished)
          .min(Comparator.comparing(AuditJob::lastSeen))
          .ifPresent(oldest -> bySession.values().forEach(jobs -> jobs.remove(oldest)));
    }
    bySession.values().removeIf(Deque::isEmpty);
  }
}
