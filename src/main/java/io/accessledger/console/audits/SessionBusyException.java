package io.accessledger.console.audits;

/** The session already has a need-to-know audit going ({@link #running}). Nothing was recorded. */
public final class SessionBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient AuditJob running;

  SessionBusyException(AuditJob running) {
    super("an audit of this session is still running");
    this.running = running;
  }

  /** The session's run going, or null if it is still being recorded. */
  public AuditJob running() {
    return running;
  }
}
