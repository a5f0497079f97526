package io.accessledger.ledger.merkle;

import java.util.Objects;

/**
 * A perfect subtree and its hash, as the writer hands it to storage to keep forever.
 *
 * @param id which subtree
 * @param hash its RFC 9162 hash (the leaf hash at level 0)
 */
public record StoredNode(NodeId id, Digest hash) {
  /** @throws NullPointerException if either part is missing */
  public StoredNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hash, "hash");
  }
}
