package io.accessledger.store;

import io.accessledger.ledger.Digest;

/**
 * A leaf row exactly as storage holds it: the row's {@code seq}, the leaf bytes and the stored leaf
 * hash. Nothing here is trusted: verifiers recompute the hash and compare the leaf's own
 * {@code seq} with the row's.
 */
public final class StoredLeaf {
  private final long seq;
  private final byte[] leaf;
  private final Digest hash;

  public StoredLeaf(long seq, byte[] leaf, Digest hash) {
    this.seq = seq;
    this.leaf = leaf.clone();
    this.hash = hash;
  }

  public long seq() {
    return seq;
  }

  /** A copy of the leaf bytes. */
  public byte[] leaf() {
    return leaf.clone();
  }

  public Digest hash() {
    return hash;
  }
}
