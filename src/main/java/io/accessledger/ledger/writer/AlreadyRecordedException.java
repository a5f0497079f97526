package io.accessledger.ledger.writer;

/**
 * A group was not written because an event of it is already recorded: its source and
 * {@code eventId} were appended by another writer (another node on a shared store) after the
 * caller looked them up. Nothing of the group was written and it took no {@code seq}; the other
 * groups batched with it were written as usual. The caller SHOULD look its events up again and
 * answer them as replays, or as conflicts when the recorded content differs (contract section 3).
 */
public final class AlreadyRecordedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AlreadyRecordedException(String message) {
    super(message);
  }
}
