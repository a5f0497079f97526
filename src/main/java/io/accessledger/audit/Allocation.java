package io.accessledger.audit;

import java.time.Instant;
import java.util.List;

/**
 * One allocation as its latest {@code ALLOCATION} entry states it: a worker or a team on a
 * subject's case from {@code from} until {@code to} (null: open-ended).
 *
 * @param seqs every entry that stated this allocation, oldest first
 */
record Allocation(
    String allocationId,
    String subject,
    String worker,
    String team,
    Instant from,
    Instant to,
    List<Long> seqs) {

  boolean activeAt(Instant at) {
    return !at.isBefore(from) && (to == null || at.isBefore(to));
  }

  String describe() {
    return (worker != null ? "worker " + worker : "team " + team) + " from " + from
        + (to == null ? " (open-ended)" : " until " + to);
  }
}
