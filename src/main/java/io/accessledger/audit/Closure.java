package io.accessledger.audit;

import java.time.Instant;

/**
 * One {@code CASE_CLOSURE} entry: the subject's case closed at {@code atMillis}, its
 * {@code occurredAt} to the millisecond (as the audit has always compared closures).
 */
record Closure(long atMillis, long seq) {
  Instant closedAt() {
    return Instant.ofEpochMilli(atMillis);
  }
}
