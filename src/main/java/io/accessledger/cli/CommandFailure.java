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

  /**
   * Prints {@code e}'s message alone on stderr if it is a CommandFailure (the reason, without a
   * stack trace) and says whether it did; commands' {@code onError} falls back to Dropwizard's
   * report for anything else.
   */
  static boolean printed(io.dropwizard.core.cli.Cli cli, Throwable e) {
    if (e instanceof CommandFailure) {
      cli.getStdErr().println(e.getMessage());
      return true;
    }
    return false;
  }
}
