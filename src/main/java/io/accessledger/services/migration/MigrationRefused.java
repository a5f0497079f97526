package io.accessledger.services.migration;

/**
 * A ledger migration would not start, or stopped: the source does not verify, the target is not
 * empty, or the copy does not verify as the source did. The message says which, in words for the
 * operator; it never holds a token, a token hash or a password.
 */
public final class MigrationRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationRefused(String message) {
    super(message);
  }
}
