package io.accessledger.witness;

/**
 * The witness's exit codes. Each failure has its own, so a timer or cron wrapper can tell "the log
 * was down" from "the log showed inconsistent views". Codes 10 and above mean the log showed views
 * of itself that cannot both be its honest history: the evidence was saved next to the state file
 * and the new checkpoint was not recorded.
 */
public enum WitnessExit {
  /** The checkpoint was recorded, or was unchanged. */
  OK(0),
  /** Bad arguments: URL, token, key; or {@code --key} differs from the pinned key. */
  USAGE(2),
  /** The log could not be reached: connection refused, timeout, DNS. */
  UNREACHABLE(3),
  /** The log refused the token: 401 (unknown or revoked) or 403 (role may not read). */
  TOKEN_REFUSED(4),
  /** The log answered something unexpected: another status, a malformed or oversized body. */
  BAD_ANSWER(5),
  /** The checkpoint is not validly signed by the pinned key (another key, altered, other origin). */
  BAD_SIGNATURE(6),
  /** The state file is corrupt, unreadable, locked by another run, or not private enough. */
  STATE(7),
  /** Fork: the log signed two different roots for the same tree size. */
  FORK(10),
  /** Fork: the log could not prove the new checkpoint extends the recorded one. */
  INCONSISTENT(11),
  /** Rollback: the log's latest checkpoint is smaller than one it signed before. */
  ROLLBACK(12);

  private final int code;

  WitnessExit(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }
}
