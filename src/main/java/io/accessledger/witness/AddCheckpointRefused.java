package io.accessledger.witness;

import java.util.Objects;

/**
 * The cosigning witness refused an {@code add-checkpoint} request and cosigned nothing. The
 * {@link Reason} is what the HTTP front answers with (tlog-witness fixes a status for each); the
 * message is for the submitter and the witness's operator, and never holds key material.
 */
public final class AddCheckpointRefused extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, one value per status the tlog-witness spec gives. */
  public enum Reason {
    /** 400: the body is not a request, or its old size is larger than the checkpoint's size. */
    MALFORMED,
    /** 403: no signature on the checkpoint verifies under a configured key of its origin. */
    NOT_SIGNED,
    /** 404: no log key is configured for the checkpoint's origin. */
    UNKNOWN_ORIGIN,
    /** 409: the old size is not the size the witness cosigned last; {@link #latestSize()}. */
    OLD_SIZE_MISMATCH,
    /** 409: the checkpoint has the size cosigned last but another root (a fork). */
    ROOT_MISMATCH,
    /** 422: the consistency proof does not prove the checkpoint extends the one cosigned last. */
    INCONSISTENT
  }

  private final Reason reason;
  private final long latestSize;

  public AddCheckpointRefused(Reason reason, String message) {
    this(reason, message, -1);
  }

  AddCheckpointRefused(Reason reason, String message, long latestSize) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.latestSize = latestSize;
  }

  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#OLD_SIZE_MISMATCH}: the size of the checkpoint cosigned last (0 if none). */
  public long latestSize() {
    return latestSize;
  }
}
