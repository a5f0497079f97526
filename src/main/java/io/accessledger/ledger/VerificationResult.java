package io.accessledger.ledger;

import java.util.OptionalLong;

/**
 * The outcome of re-deriving a stored ledger.
 *
 * @param entries leaves read and checked before stopping
 * @param checkpoints signed checkpoints checked
 * @param firstBadSeq the first entry that is missing, altered or out of place; empty when intact
 * @param problem what is wrong at {@code firstBadSeq}, in words; empty when intact
 */
public record VerificationResult(
    long entries, long checkpoints, OptionalLong firstBadSeq, String problem) {

  static VerificationResult intact(long entries, long checkpoints) {
    return new VerificationResult(entries, checkpoints, OptionalLong.empty(), "");
  }

  static VerificationResult broken(long entries, long checkpoints, long seq, String problem) {
    return new VerificationResult(entries, checkpoints, OptionalLong.of(seq), problem);
  }

  public boolean isIntact() {
    return firstBadSeq.isEmpty();
  }
}
