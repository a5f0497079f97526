package io.accessledger.ledger.notes;

import java.util.List;
import java.util.Objects;

/**
 * A checkpoint whose note verified, with the trusted keys whose signature lines verified on it
 * (at least one; in line order). Immutable.
 */
public record VerifiedCheckpoint(Checkpoint checkpoint, List<VerifierKey> signers) {
  public VerifiedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    signers = List.copyOf(signers);
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("a verified checkpoint has at least one signer");
    }
  }

  /** Whether {@code key} is among the keys that signed it. */
  public boolean signedBy(VerifierKey key) {
    return signers.contains(key);
  }
}
