package io.accessledger.ledger.leaf;

import io.accessledger.ledger.merkle.Digest;
import java.util.List;

/**
 * One entry ready to be stored: its {@code seq}, canonical leaf bytes, leaf hash, the link keys it
 * names (for the per-key index) and, for a posted event, its {@link EventKey}. Immutable: the bytes
 * are copied in and out.
 */
public final class EncodedLeaf {
  private final long seq;
  private final byte[] leaf;
  private final Digest hash;
  private final List<String> linkKeys;
  private final EventKey key;

  /** Wraps a copy of {@code leaf}; {@code hash} must be its RFC 9162 leaf hash. */
  public EncodedLeaf(long seq, byte[] leaf, Digest hash, List<String> linkKeys) {
    this(seq, leaf.clone(), List.copyOf(linkKeys), hash, null);
  }

  /** As above, for a posted event whose identity the store must record with it. */
  public EncodedLeaf(long seq, byte[] leaf, Digest hash, List<String> linkKeys, EventKey key) {
    this(seq, leaf.clone(), List.copyOf(linkKeys), hash, key);
  }

  private EncodedLeaf(long seq, byte[] leaf, List<String> linkKeys, Digest hash, EventKey key) {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, got " + seq);
    }
    this.seq = seq;
    this.leaf = leaf;
    this.hash = hash;
    this.linkKeys = linkKeys;
    this.key = key;
  }

  /**
   * For the sequencer, which has just built {@code leaf} and hands over ownership: the caller
   * MUST NOT keep or change the array (it is the bytes the ledger stores and hashes).
   */
  public static EncodedLeaf ofFresh(
      long seq, byte[] leaf, Digest hash, List<String> linkKeys, EventKey key) {
    return new EncodedLeaf(seq, leaf, List.copyOf(linkKeys), hash, key);
  }

  public long seq() {
    return seq;
  }

  /** A copy of the canonical leaf bytes. */
  public byte[] leaf() {
    return leaf.clone();
  }

  /** How many bytes the canonical leaf has, without copying it (the writer sizes every batch). */
  public int leafLength() {
    return leaf.length;
  }

  public Digest hash() {
    return hash;
  }

  /** Sorted, distinct link keys; never null. */
  public List<String> linkKeys() {
    return linkKeys;
  }

  /** The posted event's identity, or null when the entry has none (derived or ledger entries). */
  public EventKey key() {
    return key;
  }
}
