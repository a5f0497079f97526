package io.accessledger.console.people;

import io.accessledger.query.LinkedEntries.Linked;
import io.accessledger.query.LinkedEntries.Page;
import java.util.List;

/**
 * The links between the pages of a history, by entry number: "older" shows the page before the
 * oldest entry shown, "newer" the page after the newest; either is null when there is none.
 *
 * @param newest the first page's address, when this is not it
 */
public record Pager(String older, String newer, String newest, int shown, long total) {

  /** The links of {@code page}, a page of the history at {@code base}. */
  static Pager of(String base, Page page, PageRequest request) {
    List<Linked> entries = page.entries();
    boolean first = request.parameters().isEmpty();
    String older = null;
    String newer = null;
    if (!entries.isEmpty()) {
      older = page.older() ? base + "?before=" + entries.get(entries.size() - 1).seq() : null;
      newer = page.newer() ? base + "?after=" + entries.get(0).seq() : null;
    }
    return new Pager(older, newer, first ? null : base, entries.size(), page.total());
  }

  /** Whether there is any link to show. */
  public boolean any() {
    return older != null || newer != null || newest != null;
  }
}
