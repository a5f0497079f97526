package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.ProofException;

/**
 * A {@code tlog-proof} was refused: its text is malformed, its checkpoint is not validly signed by
 * the expected key, or its inclusion proof does not lead to the signed root. The message names the
 * line or the check that failed (for example {@code "line 1: wrong header: got 'x', want
 * 'c2sp.org/tlog-proof@v1'"} or {@code "inclusion proof for index 3 in the tree of size 9 does not
 * verify: root mismatch: got ..., want ..."}); the cause, when there is one, is the
 * {@link CheckpointException} or {@link ProofException} behind it.
 */
public final class TlogProofException extends Exception {
  private static final long serialVersionUID = 1L;

  public TlogProofException(String message) {
    super(message);
  }

  public TlogProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
