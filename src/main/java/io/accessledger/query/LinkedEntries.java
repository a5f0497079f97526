package io.accessledger.query;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The entries naming one link key, for pages that show a history as a table and as charts (the
 * console's child, staff and record pages). Unlike {@link LedgerQueries#history} it proves
 * nothing: a page's reader trusts the server that drew it (the API's histories and evidence
 * bundles carry the proofs), so no Merkle node is read. A history is read in one pass (the key's
 * index rows, then its leaves, a chunk of each per round trip, decoded and typed by {@link
 * EventParser} on all cores): every entry's {@link LinkedSummary} goes to the caller's charts,
 * oldest first, and one page of whole entries ({@link Window}) is returned, newest first.
 *
 * <p>The summaries of long histories are kept ({@link SummaryCache}), so reading one again decodes
 * only what was appended since and the page's own entries.
 *
 * <p>Contract: everything read is below the latest signed tree size stored when the read starts
 * ({@link LedgerQueries#checkpoint}: whichever node signed it), which covers the caller's {@code
 * AUDIT_QUERY} entry if it recorded one first. The index is derived
 * data, so the leaves' own links are followed as they are read: each entry MUST name the key and
 * link to the one before it (-1 for the first), or the read fails with {@link StoreException}
 * (run {@code verify}) rather than show a history the index has made wrong. Thread-safe.
 */
public final class LinkedEntries {
  /** Index rows and leaves read per round trip: well under SQLite's limit on bound ids. */
  static final int CHUNK = 2048;

  /** The most entries a page holds. */
  public static final int MAX_LIMIT = 1000;

  /** One whole entry of a page: its {@code seq}, when the ledger received it, and its event. */
  public record Linked(long seq, String receivedAt, LedgerEvent event) {}

  /**
   * Which page to return: the {@code limit} newest entries ({@code before} and {@code after}
   * null), the {@code limit} newest below {@code before}, or the {@code limit} oldest above
   * {@code after}. At most one of the two is set.
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
   * A page, newest first, of the history of {@code total} entries below {@code treeSize};
   * {@code older} and {@code newer}: whether the history holds entries before the page's oldest
   * and after its newest.
   */
  public record Page(long treeSize, long total, List<Linked> entries, boolean older,
      boolean newer) {
    public Page {
      entries = List.copyOf(entries);
    }
  }

  private final LedgerStore store;
  private final LedgerQueries queries;
  private final SummaryCache cache = new SummaryCache();

  public LinkedEntries(LedgerStore store, LedgerQueries queries) {
    this.store = store;
    this.queries = queries;
  }

  /**
   * Reads the history of {@code linkKey} in the latest signed tree: each entry's summary goes to
   * {@code each}, oldest first, on the calling thread, and the page {@code window} asks for is
   * returned. A key no entry names has an empty history (not an error).
   *
   * @throws StoreException if the index names an entry that is not stored, does not decode, or
   *     does not continue the key's chain of links (run {@code verify})
   */
  public Page read(String linkKey, Window window, Consumer<LinkedSummary> each) {
    Objects.requireNonNull(linkKey, "linkKey");
    long size = queries.checkpoint().size();
    List<LinkedSummary> all = summaries(linkKey, size);
    all.forEach(each);
    int from;
    int to;
    if (window.after() != null) {
      from = firstAbove(all, window.after());
      to = Math.min(all.size(), from + window.limit());
    } else {
      to = window.before() == null ? all.size() : firstAbove(all, window.before() - 1);
      from = Math.max(0, to - window.limit());
    }
    List<Long> seqs = all.subList(from, to).stream().map(LinkedSummary::seq).toList();
    List<Linked> page = new ArrayList<>(entries(linkKey, seqs));
    Collections.reverse(page);
    return new Page(size, all.size(), page, from > 0, to < all.size());
  }

  /**
   * The whole entries {@code seqs} (ascending) of {@code linkKey}'s history, oldest first.
   *
   * @throws StoreException if one is not stored or does not name the key (run {@code verify})
   */
  public List<Linked> entries(String linkKey, List<Long> seqs) {
    List<Linked> linked = new ArrayList<>(seqs.size());
    for (int at = 0; at < seqs.size(); at += CHUNK) {
      List<Long> chunk = seqs.subList(at, Math.min(seqs.size(), at + CHUNK));
      List<Decoded> decoded = decode(linkKey, chunk);
      for (Decoded d : decoded) {
        if (!d.entry().links().containsKey(linkKey)) {
          throw new StoreException("entry " + d.entry().seq() + " does not name " + linkKey
              + ", though the index says it does; run `verify`");
        }
        linked.add(new Linked(d.entry().seq(), d.entry().receivedAt(), d.event()));
      }
    }
    return linked;
  }

  /** Every entry's summary, oldest first: those kept, then those appended since, checked. */
  private List<LinkedSummary> summaries(String linkKey, long size) {
    SummaryCache.Held held = cache.get(linkKey);
    if (held != null && held.size() > size) {
      held = null; // kept from a larger tree than is signed now: cannot happen, but never show it
    }
    List<LinkedSummary> all = new ArrayList<>(held == null ? List.of() : held.summaries());
    Map<String, String> names = new HashMap<>();
    long previous = held == null ? -1 : held.last();
    while (true) {
      List<Long> seqs = store.seqsFor(linkKey, previous, CHUNK).stream()
          .filter(s -> s < size).toList();
      for (Decoded d : seqs.isEmpty() ? List.<Decoded>of() : decode(linkKey, seqs)) {
        Long link = d.entry().links().get(linkKey);
        if (link == null || link != previous) {
          throw new StoreException("the per-key index disagrees with the leaves' links at entry "
              + d.entry().seq() + " of " + linkKey + " (it links to " + link + ", the entry"
              + " before it is " + previous + "); nothing was shown; run `verify`");
        }
        all.add(LinkedSummary.of(d.entry().seq(), d.event(), names));
        previous = d.entry().seq();
      }
      if (seqs.size() < CHUNK) {
        break;
      }
    }
    if (held == null || all.size() > held.summaries().size()) {
      cache.put(linkKey, new SummaryCache.Held(size, all));
    }
    return all;
  }

  /** The leaves {@code seqs} (ascending), decoded and typed on all cores, in order. */
  private List<Decoded> decode(String linkKey, List<Long> seqs) {
    List<StoredLeaf> leaves = store.leaves(seqs);
    for (int i = 0; i < seqs.size(); i++) {
      if (i >= leaves.size() || leaves.get(i).seq() != seqs.get(i)) {
        throw new StoreException("the index of " + linkKey + " names entry " + seqs.get(i)
            + ", which is not stored; run `verify`");
      }
    }
    return leaves.parallelStream().map(leaf -> {
      LedgerEntry entry = ProvenEntries.decode(leaf);
      if (entry.seq() != leaf.seq()) {
        throw new StoreException("entry " + leaf.seq() + " holds the leaf of entry "
            + entry.seq() + "; run `verify`");
      }
      return new Decoded(entry, EventParser.parse(entry));
    }).toList();
  }

  /** The index of the first summary with a seq above {@code seq} (the size if none). */
  private static int firstAbove(List<LinkedSummary> all, long seq) {
    int low = 0;
    int high = all.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (all.get(mid).seq() <= seq) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** A leaf decoded and typed in the parallel stage. */
  private record Decoded(LedgerEntry entry, LedgerEvent event) {}
}
