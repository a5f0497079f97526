package io.accessledger.evidence;

import io.accessledger.ledger.merkle.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A proven entry as a bundle carries it ({@code {"seq","leaf","leafHash","proof"}}), read but not
 * checked: {@code leaf} is claimed to hash to {@code leafHash}, and {@code proof} to lead from it
 * at index {@code seq} to the root of the bundle's signed tree. {@link BundleVerifier} checks both.
 *
 * @param seq the entry's index in the log, 0 or more
 * @param leaf the leaf's text, exactly as given (its UTF-8 bytes are what is hashed)
 * @param leafHash the claimed leaf hash
 * @param proof the claimed inclusion proof, from the leaf upwards
 */
public record BundleEntry(long seq, String leaf, Digest leafHash, List<Digest> proof) {
  public BundleEntry {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be 0 or more, got " + seq);
    }
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(leafHash, "leafHash");
    proof = List.copyOf(proof);
  }

  /** The leaf's bytes: a fresh copy each time. */
  public byte[] leafBytes() {
    return leaf.getBytes(StandardCharsets.UTF_8);
  }
}
