package io.accessledger.evidence;

import io.accessledger.ledger.merkle.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One of a bundle's key rotations ({@link BundleFormat#ROTATION_FIELDS}), read but not checked:
 * {@code entry} is claimed to be a {@code KEY_ROTATION} entry included in {@code checkpoint}, the
 * note the old key signed, and {@code consistency} the proof that the bundle's tree extends it.
 *
 * @param entry the rotation entry, its proof leading to {@code checkpoint}'s root
 * @param checkpoint the signed note of the first checkpoint said to cover it
 * @param consistency the claimed consistency proof from that checkpoint to the bundle's tree
 */
public record BundleRotation(BundleEntry entry, String checkpoint, List<Digest> consistency) {
  public BundleRotation {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(checkpoint, "checkpoint");
    consistency = List.copyOf(consistency);
  }
}
