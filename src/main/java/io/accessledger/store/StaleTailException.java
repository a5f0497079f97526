package io.accessledger.store;

/**
 * {@link LedgerStore#append} refused a batch because it does not extend the log as stored: its
 * first {@code seq} is not the store's size, or its checkpoint does not follow the latest stored
 * one. On a store shared by several nodes this is the normal outcome of a race (another node
 * appended first), not a fault: nothing of the batch was written, and the writer reloads the tail
 * from storage and builds the batch again.
 */
public final class StaleTailException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StaleTailException(String message) {
    super(message);
  }

  public StaleTailException(String message, Throwable cause) {
    super(message, cause);
  }
}
