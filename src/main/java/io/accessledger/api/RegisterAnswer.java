package io.accessledger.api;

import java.util.List;

/**
 * A share or extract register: the matching items, oldest first, each proven in the tree of size
 * {@code treeSize} whose root {@code checkpoint} signs (the latest when the register was read; it
 * covers the read's own {@code AUDIT_QUERY} entry).
 */
public record RegisterAnswer(long treeSize, String checkpoint, List<RegisterItem> items) {
  public RegisterAnswer {
    items = List.copyOf(items);
  }
}
