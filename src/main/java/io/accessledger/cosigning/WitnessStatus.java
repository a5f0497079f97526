package io.accessledger.cosigning;

import java.time.Instant;
import java.util.Optional;

/**
 * One witness as the submitter last saw it, for the health check and metrics.
 *
 * @param cosignedSize the largest tree size this witness's cosignature is stored for, or -1
 * @param cosignedAt the time that cosignature states, if there is one
 * @param problem why the last attempt failed, or empty when it succeeded (or none was made yet)
 * @param alarm what the witness said that the log cannot explain (it holds a tree the ledger
 *     never signed, or a different one): empty unless raised; once raised it stays until restart
 * @param failures attempts that failed in a row
 */
public record WitnessStatus(long cosignedSize, Optional<Instant> cosignedAt,
    Optional<String> problem, Optional<String> alarm, int failures) {

  /** Whether the witness is cosigning as it should. */
  public boolean healthy() {
    return problem.isEmpty() && alarm.isEmpty();
  }
}
