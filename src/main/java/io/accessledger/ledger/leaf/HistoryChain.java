package io.accessledger.ledger.leaf;

import io.accessledger.ledger.notes.CompletenessStatement;
import java.util.Objects;

/**
 * Walks one link key's history, oldest first, checking that it is an unbroken chain of the log's
 * {@code links} (contract section 2): every leaf names the key, and its link for the key is the
 * {@code seq} of the entry before it in the walk ({@code -1} before the first entry of a complete
 * history; the previous page's last {@code seq} when a history is read in pages).
 *
 * <p>Feed it leaves with {@link #next}; then {@link #requireHead} checks the walk ended at the
 * head a {@link CompletenessStatement} names. Together they prove no entry naming the key was left
 * out between the start and that head. Not thread-safe.
 */
public final class HistoryChain {
  /** What a failed step found. */
  public enum Break {
    /** The leaf does not decode as a leaf, or its own {@code seq} is not the one it came with. */
    BAD_LEAF,
    /** The leaf does not name the key, so it is not part of this history. */
    NOT_IN_HISTORY,
    /** The entries are not in ascending {@code seq} order, or one is repeated. */
    OUT_OF_ORDER,
    /** The leaf links to an entry other than the one before it: entries were left out. */
    GAP,
    /** The chain ended before the head the log signed: later entries were left out. */
    TRUNCATED
  }

  /** A chain that does not hold, with what broke and where. */
  public static final class BrokenChainException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Break kind;
    private final long seq;

    BrokenChainException(Break kind, long seq, String message) {
      super(message);
      this.kind = kind;
      this.seq = seq;
    }

    public Break kind() {
      return kind;
    }

    /** The {@code seq} of the entry where the chain broke. */
    public long seq() {
      return seq;
    }
  }

  private final String linkKey;
  private long previous;
  private int length;

  /**
   * @param linkKey the history's key, e.g. {@code subject:c-1}
   * @param previous the {@code seq} the first leaf must link to: -1 from the start of the history
   */
  public HistoryChain(String linkKey, long previous) {
    this.linkKey = Objects.requireNonNull(linkKey, "linkKey");
    if (previous < -1) {
      throw new IllegalArgumentException("previous must be >= -1, got " + previous);
    }
    this.previous = previous;
  }

  /**
   * Checks the next leaf of the walk and returns it decoded.
   *
   * @param seq the {@code seq} the leaf was presented as (its proof's index)
   * @throws BrokenChainException if the leaf does not continue the chain
   */
  public LedgerEntry next(long seq, byte[] leaf) throws BrokenChainException {
    LedgerEntry entry;
    try {
      entry = LeafCodec.decode(leaf);
    } catch (LeafFormatException e) {
      throw new BrokenChainException(Break.BAD_LEAF, seq,
          "entry " + seq + " is not a valid leaf: " + e.getMessage());
    }
    if (entry.seq() != seq) {
      throw new BrokenChainException(Break.BAD_LEAF, seq,
          "entry " + seq + " holds the leaf of seq " + entry.seq());
    }
    if (seq <= previous) {
      throw new BrokenChainException(Break.OUT_OF_ORDER, seq,
          "entry " + seq + " comes after entry " + previous + ": entries must be in ascending seq"
              + " order, each once");
    }
    Long link = entry.links().get(linkKey);
    if (link == null || !LinkKeys.of(entry.event()).contains(linkKey)) {
      throw new BrokenChainException(Break.NOT_IN_HISTORY, seq,
          "entry " + seq + " does not name " + linkKey);
    }
    if (link != previous) {
      throw new BrokenChainException(Break.GAP, seq,
          "entry " + seq + " links " + linkKey + " to entry " + link + ", but the entry before it"
              + " here is " + (previous < 0 ? "none" : Long.toString(previous))
              + (link > previous ? ": entries were left out" : ""));
    }
    previous = seq;
    length++;
    return entry;
  }

  /**
   * Checks the walk ended at {@code head}, the latest entry naming the key in the tree a signed
   * statement speaks about.
   *
   * @throws BrokenChainException if it did not
   */
  public void requireHead(long head) throws BrokenChainException {
    if (previous != head) {
      throw new BrokenChainException(Break.TRUNCATED, previous,
          "the history ends at " + (previous < 0 ? "no entry" : "entry " + previous)
              + " but the log signed that the latest entry naming " + linkKey + " is "
              + (head < 0 ? "none" : "entry " + head) + (head > previous ? ": later entries were"
              + " left out" : ""));
    }
  }

  /** The {@code seq} of the last leaf accepted, or the starting link if none was. */
  public long last() {
    return previous;
  }

  /** How many leaves were accepted. */
  public int length() {
    return length;
  }
}
