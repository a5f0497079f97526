package io.accessledger.api;

import java.util.List;

/**
 * A subject's, actor's or record's entries, oldest first, each with its inclusion proof in the tree
 * of size {@code treeSize} whose root {@code checkpoint} signs. {@code next} is the cursor for the
 * following page, or null when nothing more up to {@code treeSize} matches.
 *
 * <p>{@code completeness} is the log's signed {@link io.accessledger.ledger.notes.CompletenessStatement}
 * for {@code key} in that tree: the latest entry naming the key. Without filters, the pages of a
 * history are one unbroken chain of the leaves' links for {@code key}, ending at that head.
 */
public record HistoryAnswer(
    long treeSize,
    String checkpoint,
    String key,
    String completeness,
    List<ProvenEntry> entries,
    String next) {
  public HistoryAnswer {
    entries = List.copyOf(entries);
  }
}
