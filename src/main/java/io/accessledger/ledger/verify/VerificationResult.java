package io.accessledger.ledger.verify;

import io.accessledger.store.GuardFault;
import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of re-deriving a stored ledger.
 *
 * @param entries leaves read and checked before stopping
 * @param checkpoints signed checkpoints checked
 * @param firstBadSeq the first entry that is missing, altered or out of place; empty when the
 *     entries are intact
 * @param problem what is wrong at {@code firstBadSeq}, in words; empty when the entries are intact
 * @param guardFaults the store's append-only guards (triggers) that are missing or altered, and
 *     the triggers on ledger tables the schema does not define (an added one runs on every
 *     append); a ledger whose entries are intact but whose database no longer refuses edits, or
 *     runs a trigger of someone else's on its writes, is not intact
 */
public record VerificationResult(long entries, long checkpoints, OptionalLong firstBadSeq,
    String problem, List<GuardFault> guardFaults) {

  public VerificationResult {
    guardFaults = List.copyOf(guardFaults);
  }

  static VerificationResult intact(long entries, long checkpoints) {
    return new VerificationResult(entries, checkpoints, OptionalLong.empty(), "", List.of());
  }

  static VerificationResult broken(long entries, long checkpoints, long seq, String problem) {
    return new VerificationResult(entries, checkpoints, OptionalLong.of(seq), problem, List.of());
  }

  /** This result with the guard faults found in the same snapshot. */
  VerificationResult withGuardFaults(List<GuardFault> faults) {
    return new VerificationResult(entries, checkpoints, firstBadSeq, problem, faults);
  }

  /** True when every entry and checkpoint checks out and every append-only guard is in place. */
  public boolean isIntact() {
    return entriesIntact() && guardFaults.isEmpty();
  }

  /** True when every entry and checkpoint checks out, whatever the guards. */
  public boolean entriesIntact() {
    return firstBadSeq.isEmpty();
  }
}
