package io.accessledger.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summaries of the longest histories read lately, by link key, so that reading one again
 * (the next page of a member of staff's 20 000 views) decodes only the entries appended since.
 * Exact because the log is append-only: the entries naming a key below a signed tree size never
 * change, whichever node appended them. With several nodes on one store this holds as long as
 * the size read against is the store's latest checkpoint ({@code LedgerQueries#checkpoint}), not
 * this node's writer's: a held history is continued from its last entry with what the index holds
 * past it below the new size, so another node's appends are read like this node's. Bounded: only histories of at least {@link #MIN_ENTRIES} entries are kept, at most
 * {@link #MAX_SUMMARIES} summaries in all (about 25 MB), the least recently read dropped first.
 * Thread-safe.
 */
final class SummaryCache {
  static final int MIN_ENTRIES = 2048;
  static final int MAX_SUMMARIES = 250_000;

  /** A key's summaries, oldest first: every entry naming it below {@code size}. */
  record Held(long size, List<LinkedSummary> summaries) {
    Held {
      summaries = List.copyOf(summaries);
    }

    /** The newest entry's seq, or -1. */
    long last() {
      return summaries.isEmpty() ? -1 : summaries.get(summaries.size() - 1).seq();
    }
  }

  private final Map<String, Held> held = new LinkedHashMap<>(16, 0.75f, true);
  private long summaries;

  synchronized Held get(String linkKey) {
    return held.get(linkKey);
  }

  /** Keeps {@code history} for {@code linkKey} if it is long enough, dropping the eldest to fit. */
  synchronized void put(String linkKey, Held history) {
    if (history.summaries().size() < MIN_ENTRIES || history.summaries().size() > MAX_SUMMARIES) {
      return;
    }
    Held before = held.put(linkKey, history);
    summaries += history.summaries().size() - (before == null ? 0 : before.summaries().size());
    var eldest = held.entrySet().iterator();
    while (summaries > MAX_SUMMARIES && eldest.hasNext()) {
      Map.Entry<String, Held> entry = eldest.next();
      if (!entry.getKey().equals(linkKey)) {
        summaries -= entry.getValue().summaries().size();
        eldest.remove();
      }
    }
  }
}
