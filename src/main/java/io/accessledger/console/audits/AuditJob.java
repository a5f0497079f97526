package io.accessledger.console.audits;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One need-to-know audit run started from the console, already recorded as entry {@link #seq}
 * (its {@code AUDIT_QUERY}), running or run in the background for one session: how far it has
 * got, then its result or why it failed. Thread-safe: the running thread writes, page requests
 * read.
 */
public final class AuditJob {
  /** Where a run is. */
  public enum State { WAITING, RUNNING, DONE, FAILED }

  private final long seq;
  private final AuditPeriod period;
  private final Instant started;
  private final AtomicLong read = new AtomicLong();
  private final AtomicLong of = new AtomicLong(-1);
  private volatile State state = State.WAITING;
  private volatile AuditResult result;
  private volatile String failure;
  private volatile Instant lastSeen;

  AuditJob(long seq, AuditPeriod period, Instant started) {
    this.seq = seq;
    this.period = period;
    this.started = started;
    this.lastSeen = started;
  }

  /** The {@code seq} of the run's {@code AUDIT_QUERY} entry: its audit, for reviews. */
  public long seq() {
    return seq;
  }

  public AuditPeriod period() {
    return period;
  }

  public Instant started() {
    return started;
  }

  public State state() {
    return state;
  }

  /** Whether it has finished, either way. */
  public boolean finished() {
    State now = state;
    return now == State.DONE || now == State.FAILED;
  }

  /** Entries of the audited tree read so far. */
  public long read() {
    return read.get();
  }

  /** The size of the tree it reads; -1 until the scan has started. */
  public long of() {
    return of.get();
  }

  /** The findings, once {@link State#DONE}; null before. */
  public AuditResult result() {
    return result;
  }

  /** Why it failed, in words for the DPO, once {@link State#FAILED}; null otherwise. */
  public String failure() {
    return failure;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void seen(Instant at) {
    lastSeen = at;
  }

  void running() {
    state = State.RUNNING;
  }

  /** Progress from the scan's thread. */
  void progress(long entriesRead, long treeSize) {
    of.set(treeSize);
    read.set(entriesRead);
  }

  void done(AuditResult answer, Instant at) {
    result = answer;
    lastSeen = at;
    state = State.DONE; // written last: a reader that sees DONE sees the result
  }

  void failed(String why, Instant at) {
    failure = why;
    lastSeen = at;
    state = State.FAILED;
  }
}
