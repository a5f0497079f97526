package io.accessledger.audit;

import io.accessledger.entries.Assignee;
import io.accessledger.entries.CaseClosure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocations and case closures of the whole log, whenever they were posted (an allocation
 * recorded late still covers the times it states), and what they say about each view.
 *
 * <p>An allocation is one records system's {@code allocationId} on one subject: another system,
 * or another subject, cannot touch it. A later entry for it may only end it, or end it earlier
 * (contract section 5): it cannot change who was allocated, move the start or extend it, so
 * nobody can rewrite an allocation after the fact to explain a view. Not thread-safe.
 */
final class CaseRecords {
  private final Names names;
  private final Map<String, Allocation> allocations = new LinkedHashMap<>();
  private final Map<String, List<Closure>> closures = new HashMap<>();
  /** The allocations by subject, in the order first recorded; rebuilt after a change. */
  private Map<String, List<Allocation>> bySubject;

  CaseRecords(Names names) {
    this.names = names;
  }

  /**
   * Takes the {@code ALLOCATION} entry {@code seq} from {@code source}; ignores one that names no
   * allocation id, subject, start or assignee (ingest refuses these).
   */
  void allocation(long seq, String source, io.accessledger.entries.Allocation event) {
    String allocationId = event.allocationId();
    String subject = event.subject();
    Instant start = event.from();
    Assignee assignee = event.assignee();
    if (allocationId == null || subject == null || start == null
        || assignee.worker().isEmpty() && assignee.team().isEmpty()) {
      return;
    }
    bySubject = null;
    String key = source + "\u0000" + subject + "\u0000" + allocationId;
    Instant end = event.to().orElse(null);
    Allocation earlier = allocations.get(key);
    if (earlier == null) {
      allocations.put(key, new Allocation(allocationId, names.keep(subject),
          names.keep(assignee.worker().orElse(null)), names.keep(assignee.team().orElse(null)),
          start, end, List.of(seq)));
      return;
    }
    List<Long> seqs = new ArrayList<>(earlier.seqs());
    seqs.add(seq);
    Instant to = earlier.to();
    if (end != null && (to == null || end.isBefore(to))) {
      to = end.isBefore(earlier.from()) ? earlier.from() : end;
    }
    allocations.put(key, new Allocation(earlier.allocationId(), earlier.subject(),
        earlier.worker(), earlier.team(), earlier.from(), to, seqs));
  }

  /** Takes the {@code CASE_CLOSURE} entry {@code seq}; one with no subject or time is ignored. */
  void closure(long seq, CaseClosure event) {
    String subject = event.subject();
    Instant at = event.header().at();
    if (subject != null && at != null) {
      closures.computeIfAbsent(subject, s -> new ArrayList<>())
          .add(new Closure(at.toEpochMilli(), seq));
    }
  }

  /** What the records so far say about {@code view}'s subject, judged by {@code policy}. */
  CaseFacts about(ViewEntry view, NeedToKnowPolicy policy) {
    if (bySubject == null) {
      bySubject = new HashMap<>();
      for (Allocation allocation : allocations.values()) {
        bySubject.computeIfAbsent(allocation.subject(), s -> new ArrayList<>()).add(allocation);
      }
    }
    return new CaseFacts(view, bySubject.getOrDefault(view.subject(), List.of()),
        closures.getOrDefault(view.subject(), List.of()), policy);
  }
}
