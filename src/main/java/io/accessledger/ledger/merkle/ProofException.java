package io.accessledger.ledger.merkle;

/**
 * A Merkle proof, or the sizes and roots it was checked against, did not verify.
 *
 * <p>Checked, so that every caller of a verifier has to decide what a failed proof means for it.
 * The message says what was found and what was wanted ("got ..., want ...").
 */
public final class ProofException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message what failed, naming what was got and what was wanted */
  public ProofException(String message) {
    super(message);
  }
}
