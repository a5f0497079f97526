package io.accessledger.store;


/**
 * The ledger's disk has no room for a write: storage reported it full, or the write would have
 * left less free space than the configured reserve ({@link DiskReserve}). Nothing of the refused
 * write was stored.
 *
 * <p>Unlike {@code LedgerBusyException}, waiting alone does not cure it: someone must free space
 * on the data directory's filesystem. The ledger needs no restart: the next write after that
 * succeeds. Every read is recorded before it is answered, so reads fail with this too: a read that
 * cannot be recorded is refused, never answered unrecorded. HTTP answers it 503 with
 * {@code Retry-After}; its message names the cause and never a path on the server.
 */
public final class LedgerDiskFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The start every message shares, so that operators and clients can tell this cause apart. */
  public static final String PREFIX = "the ledger's disk is full: ";

  /** @param detail what was found, after {@link #PREFIX} */
  public LedgerDiskFullException(String detail) {
    super(PREFIX + detail);
  }

  /** @param detail what was found, after {@link #PREFIX}; {@code cause} is storage's own error */
  public LedgerDiskFullException(String detail, Throwable cause) {
    super(PREFIX + detail, cause);
  }

  /** The same refusal, its message ending with {@code consequence} (what the caller did not do). */
  public LedgerDiskFullException withConsequence(String consequence) {
    return new LedgerDiskFullException(
        getMessage().substring(PREFIX.length()) + "; " + consequence, this);
  }
}
