package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.PreparedEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Events submitted together, and the caller's future: written all or nothing, with contiguous
 * {@code seq}s. The future is completed once, on the writer thread (or by {@link WriteQueue} when
 * the group is refused before it is queued).
 */
record PendingGroup(List<PreparedEvent> events, CompletableFuture<List<AppendResult>> future) {
  PendingGroup(List<PreparedEvent> events) {
    this(events, new CompletableFuture<>());
  }
}
