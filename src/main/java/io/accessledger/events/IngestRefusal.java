package io.accessledger.events;

import io.accessledger.ledger.writer.LedgerBusyException;
import io.accessledger.store.LedgerDiskFullException;
import java.util.List;

/**
 * Why {@link EventIngest} refused a request, with a message naming what is wrong. It knows nothing
 * of any protocol: each front end maps its {@link Kind} to its own answer (the HTTP API does so in
 * {@code resources/errors/IngestRefusalMapper}, by contract section 3's statuses).
 *
 * <p>Guarantee: a refused request wrote nothing, with one exception stated on {@link Kind#BUSY}
 * (a timed-out wait), where the entries may still land and a replay is answered as such.
 */
public final class IngestRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal it is: which the poster must change, or whether it may simply retry. */
  public enum Kind {
    /** The body is not well-formed JSON. */
    MALFORMED,
    /** Well-formed but not a valid event or batch: {@link #errors()} names each problem. */
    INVALID,
    /** An {@code eventId} of this source is already in the log with other content. */
    CONFLICT,
    /** The body, or the number of events in a batch, is over its limit. */
    TOO_LARGE,
    /**
     * Back-pressure: the ledger's write queue is full, or it did not acknowledge in time (then the
     * entries may still land; a replay with the same {@code eventId}s is safe either way). Retry
     * shortly.
     */
    BUSY,
    /**
     * The ledger's disk has no room ({@link LedgerDiskFullException}): nothing was written, and a
     * retry succeeds only once someone frees space. The message starts with
     * {@link LedgerDiskFullException#PREFIX}.
     */
    DISK_FULL
  }

  private final Kind kind;
  private final List<String> errors;

  private IngestRefusal(Kind kind, String message, List<String> errors, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.errors = List.copyOf(errors);
  }

  public static IngestRefusal malformed(String message) {
    return new IngestRefusal(Kind.MALFORMED, message, List.of(), null);
  }

  /** @param errors one entry per problem, as {@link #errors()} describes them; at least one */
  public static IngestRefusal invalid(String message, List<String> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid request names at least one problem");
    }
    return new IngestRefusal(Kind.INVALID, message, errors, null);
  }

  public static IngestRefusal conflict(String message) {
    return new IngestRefusal(Kind.CONFLICT, message, List.of(), null);
  }

  public static IngestRefusal tooLarge(String message) {
    return new IngestRefusal(Kind.TOO_LARGE, message, List.of(), null);
  }

  /** The sequencer's push-back, its message kept as the refusal's. */
  public static IngestRefusal busy(LedgerBusyException cause) {
    return new IngestRefusal(Kind.BUSY, cause.getMessage(), List.of(), cause);
  }

  /** The full disk, its message kept as the refusal's. */
  public static IngestRefusal diskFull(LedgerDiskFullException cause) {
    return new IngestRefusal(Kind.DISK_FULL, cause.getMessage(), List.of(), cause);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The problems of an {@link Kind#INVALID} request, one per field, each
   * {@code <where>: <what is wrong>}: a field's path ({@code [i].} before it for event i of a
   * batch), {@code (event)}, {@code (body)}, {@code the body} or {@code event [i]}; empty for
   * every other kind.
   */
  public List<String> errors() {
    return errors;
  }
}
