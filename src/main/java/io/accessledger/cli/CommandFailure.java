package io.accessledger.cli;

/**
 * A command could not do its job; the message is printed as the reason and the process exits with
 * {@link #exitCode()}: 1 unless the command chose another (the witness has one per failure kind),
 * through {@code AccessLedgerApplication.onFatalError}.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public CommandFailure(String message) {
    this(message, 1);
  }

  /** @param exitCode the process exit status, 1 to 125 */
  public CommandFailure(String message, int exitCode) {
    super(message);
    if (exitCode < 1 || exitCode > 125) {
      throw new IllegalArgumentException("exit code must be 1..125, got " + exitCode);
    }
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
