package io.accessledger.evidence;

import io.accessledger.ledger.merkle.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One of a bundle's consistency proofs ({@code {"from","checkpoint","proof"}}), read but not
 * checked: {@code checkpoint} is claimed to be the note the log signed at tree size {@code from},
 * and {@code proof} the RFC 9162 consistency proof from that tree to the bundle's.
 *
 * @param from the earlier tree size, 0 or more
 * @param checkpoint the signed note, exactly as given
 * @param proof the claimed consistency proof
 */
public record BundleConsistency(long from, String checkpoint, List<Digest> proof) {
  public BundleConsistency {
    if (from < 0) {
      throw new IllegalArgumentException("from must be 0 or more, got " + from);
    }
    Objects.requireNonNull(checkpoint, "checkpoint");
    proof = List.copyOf(proof);
  }
}
