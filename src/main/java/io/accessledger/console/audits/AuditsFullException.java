package io.accessledger.console.audits;

/** Too many need-to-know audits are going in the console. Nothing was recorded. */
public final class AuditsFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AuditsFullException() {
    super("too many need-to-know audits are running");
  }
}
