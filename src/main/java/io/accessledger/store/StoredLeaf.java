package io.accessledger.store;

import io.accessledger.ledger.merkle.Digest;
import java.util.Objects;

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
    this(seq, hash, leaf.clone());
  }

  private StoredLeaf(long seq, Digest hash, byte[] owned) {
    this.seq = seq;
    this.leaf = owned;
    this.hash = hash;
  }

  /**
   * A leaf read from storage into an array nobody else holds (as JDBC's {@code getBytes} returns),
   * kept without the copy the constructor makes: verify reads a million of these on its critical
   * path. The caller MUST NOT keep or change {@code freshLeaf}.
   */
  public static StoredLeaf adopting(long seq, byte[] freshLeaf, Digest hash) {
    // A NULL leaf in a hand-made table fails here, where it is read, as the constructor's copy does.
    return new StoredLeaf(seq, hash, Objects.requireNonNull(freshLeaf, "leaf"));
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
