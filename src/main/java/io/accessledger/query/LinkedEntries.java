package io.accessledger.query;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The entries naming one link key, decoded and typed ({@link EventParser}), for pages that show a
 * history as a table and as charts (the console's child, staff and record pages). Unlike {@link
 * LedgerQueries#history} it proves nothing: a page's reader trusts the server that drew it (the
 * API's histories and evidence bundles carry the proofs), so a history of 20 000 entries is read
 * in one pass (the key's index rows, then its leaves, a chunk of each per round trip, decoded on
 * all cores) with no Merkle node read at all.
 *
 * <p>One pass serves both the table and the charts: {@link #read} hands every entry, oldest first,
 * to the caller's aggregate and keeps one page of them, {@link Window}.
 *
 * <p>Contract: everything read is below the latest signed tree size when the read starts, which
 * covers the caller's {@code AUDIT_QUERY} entry if it recorded one first. The index is derived
 * data, so the leaves' own links are followed as they are read: each entry MUST name the key and
 * link to the one before it (-1 for the first), or the read fails with {@link StoreException}
 * (run {@code verify}) rather than show a history the index has made wrong. Thread-safe.
 */
public final class LinkedEntries {
  /** Index rows and leaves read per round trip: well under SQLite's limit on bound ids. */
  static final int CHUNK = 2048;

  /** The most entries a page keeps. */
  public static final int MAX_LIMIT = 1000;

  /** One entry of the history: its {@code seq}, when the ledger received it, and its event. */
  public record Linked(long seq, String receivedAt, LedgerEvent event) {}

  /**
   * Which page to keep: the {@code limit} newest entries ({@code before} and {@code after} null),
   * the {@code limit} newest below {@code before}, or the {@code limit} oldest above {@code after}.
   * At most one of the two is set.
   */
  public record Window(Long before, Long after, int limit) {
    public Window {
      if (before != null && after != null) {
        throw new IllegalArgumentException("a window is below a seq or above one, not both");
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
      }
    }

    public static Window latest(int limit) {
      return new Window(null, null, limit);
    }

    public static Window before(long seq, int limit) {
      return new Window(seq, null, limit);
    }

    public static Window after(long seq, int limit) {
      return new Window(null, seq, limit);
    }
  }

  /**
   * The page kept, newest first, from the history of {@code total} entries below {@code treeSize};
   * {@code older} and {@code newer}: whether the history holds entries before the page's oldest and
   * after its newest.
   */
  public record Page(long treeSize, long total, List<Linked> entries, boolean older,
      boolean newer) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  private final LedgerStore store;
  private final LedgerQueries queries;

  public LinkedEntries(LedgerStore store, LedgerQueries queries) {
    this.store = store;
    this.queries = queries;
  }

  /**
   * Reads every entry naming {@code linkKey} in the latest signed tree, once: each goes to
   * {@code each}, oldest first, on the calling thread, and the page {@code window} asks for is
   * returned. A key no entry names has an empty history (not an error).
   *
   * @throws StoreException if the index names an entry that is not stored, does not decode, or
   *     does not continue the key's chain of links (run {@code verify})
   */
  public Page read(String linkKey, Window window, Consumer<Linked> each) {
    Objects.requireNonNull(linkKey, "linkKey");
    long size = queries.checkpoint().size();
    Keeper keeper = new Keeper(window);
    long previous = -1;
    while (true) {
      List<Long> seqs = store.seqsFor(linkKey, previous, CHUNK).stream()
          .filter(s -> s < size).toList();
      if (seqs.isEmpty()) {
        return keeper.page(size);
      }
      List<StoredLeaf> leaves = store.leaves(seqs);
      if (leaves.size() != seqs.size()) {
        throw new StoreException("the index of " + linkKey + " names entries that are not stored;"
            + " run `verify`");
      }
      // Decoding and typing are most of the cost: one parallel stage, then the walk in order.
      List<Decoded> decoded = leaves.parallelStream()
          .map(leaf -> {
            LedgerEntry entry = ProvenEntries.decode(leaf);
            return new Decoded(entry, EventParser.parse(entry));
          })
          .toList();
      for (int i = 0; i < decoded.size(); i++) {
        LedgerEntry entry = decoded.get(i).entry();
        long seq = seqs.get(i);
        Long link = entry.links().get(linkKey);
        if (entry.seq() != seq || link == null || link != previous) {
          throw new StoreException("the per-key index disagrees with the leaves' links at entry "
              + seq + " of " + linkKey + " (it links to " + link + ", the entry before it is "
              + previous + "); nothing was shown; run `verify`");
        }
        Linked linked = new Linked(seq, entry.receivedAt(), decoded.get(i).event());
        each.accept(linked);
        keeper.offer(linked);
        previous = seq;
      }
      if (seqs.size() < CHUNK) {
        return keeper.page(size);
      }
    }
  }

  /** A leaf decoded and typed in the parallel stage. */
  private record Decoded(LedgerEntry entry, LedgerEvent event) {}

  /** Keeps the window's page as entries go by, oldest first, and whether any lie beyond it. */
  private static final class Keeper {
    private final Window window;
    private final Deque<Linked> kept = new ArrayDeque<>();
    private long total;
    private boolean older;
    private boolean newer;

    Keeper(Window window) {
      this.window = window;
    }

    void offer(Linked entry) {
      total++;
      if (window.after() != null) {
        if (entry.seq() <= window.after()) {
          older = true;
        } else if (kept.size() < window.limit()) {
          kept.addLast(entry);
        } else {
          newer = true;
        }
        return;
      }
      if (window.before() != null && entry.seq() >= window.before()) {
        newer = true;
        return;
      }
      kept.addLast(entry);
      if (kept.size() > window.limit()) {
        kept.removeFirst();
        older = true;
      }
    }

    Page page(long size) {
      List<Linked> newestFirst = new ArrayList<>(kept);
      java.util.Collections.reverse(newestFirst);
      return new Page(size, total, newestFirst, older, newer);
    }
  }
}
