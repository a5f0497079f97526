package io.accessledger.evidence;

import io.accessledger.ledger.merkle.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a bundle's optional {@code cosigned} list ({@code {"checkpoint","proof"}}), read but
 * not checked: {@code checkpoint} is claimed to be a note the log signed, followed by witnesses'
 * {@code cosignature/v1} lines for it, and {@code proof} the RFC 9162 consistency proof from its
 * tree to the bundle's (empty when it is the bundle's own tree).
 *
 * @param checkpoint the cosigned note, exactly as given
 * @param proof the claimed consistency proof
 */
public record BundleCosigned(String checkpoint, List<Digest> proof) {
  public BundleCosigned {
    Objects.requireNonNull(checkpoint, "checkpoint");
    proof = List.copyOf(proof);
  }
}
