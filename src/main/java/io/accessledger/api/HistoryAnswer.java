package io.accessledger.api;

import java.util.List;

/**
 * A subject's, actor's or record's entries, oldest first, each with its inclusion proof in the tree
 * of size {@code treeSize} whose root {@code checkpoint} signs. {@code next} is the cursor for the
 * following page, or null when nothing more up to {@code treeSize} matches.
 */
public record HistoryAnswer(long treeSize, String checkpoint, List<ProvenEntry> entries, String next) {
  public HistoryAnswer {
    entries = List.copyOf(entries);
  }
}
