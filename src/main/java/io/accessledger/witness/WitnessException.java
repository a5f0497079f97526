package io.accessledger.witness;

import java.util.Objects;

/**
 * The witness could not record the log's checkpoint. The message is what the operator reads on
 * stderr (it never holds the token); {@link #exit()} says which kind of failure it was.
 */
public final class WitnessException extends Exception {
  private static final long serialVersionUID = 1L;

  private final WitnessExit exit;

  public WitnessException(WitnessExit exit, String message) {
    super(message);
    this.exit = Objects.requireNonNull(exit, "exit");
    if (exit == WitnessExit.OK) {
      throw new IllegalArgumentException("a failure cannot exit with OK");
    }
  }

  public WitnessException(WitnessExit exit, String message, Throwable cause) {
    this(exit, message);
    initCause(cause);
  }

  public WitnessExit exit() {
    return exit;
  }
}
