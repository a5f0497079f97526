package io.accessledger.cli;

/**
 * A command could not do its job; the message is printed as the reason and the process exits
 * non-zero (Dropwizard's command runner prints the message and exits 1).
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandFailure(String message) {
    super(message);
  }
}
