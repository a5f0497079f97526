package io.accessledger.ledger;

import java.util.List;

/**
 * One entry ready to be stored: its {@code seq}, canonical leaf bytes, leaf hash and the link keys
 * it names (for the per-key index). Immutable: the bytes are copied in and out.
 */
public final class EncodedLeaf {
  private final long seq;
  private final byte[] leaf;
  private final Digest hash;
  private final List<String> linkKeys;

  /** Wraps a copy of {@code leaf}; {@code hash} must be its RFC 9162 leaf hash. */
  public EncodedLeaf(long seq, byte[] leaf, Digest hash, List<String> linkKeys) {
    this(seq, leaf.clone(), List.copyOf(linkKeys), hash);
  }

  private EncodedLeaf(long seq, byte[] leaf, List<String> linkKeys, Digest hash) {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, got " + seq);
    }
    this.seq = seq;
    this.leaf = leaf;
    this.hash = hash;
    this.linkKeys = linkKeys;
  }

  /** For the sequencer, which has just built {@code leaf} and hands over ownership. */
  static EncodedLeaf ofFresh(long seq, byte[] leaf, Digest hash, List<String> linkKeys) {
    return new EncodedLeaf(seq, leaf, List.copyOf(linkKeys), hash);
  }

  public long seq() {
    return seq;
  }

  /** A copy of the canonical leaf bytes. */
  public byte[] leaf() {
    return leaf.clone();
  }

  public Digest hash() {
    return hash;
  }

  /** Sorted, distinct link keys; never null. */
  public List<String> linkKeys() {
    return linkKeys;
  }
}
