package io.accessledger.ledger.writer;

import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.RecordedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the queued groups holding an event that is already recorded, so that a batch built again
 * after another writer appended never carries an event twice, and one such group does not take
 * the groups batched with it down: the store refuses a batch holding a recorded event key whole.
 *
 * <p>The caller (ingest) looked its events up before queueing them, and one node's own posts of an
 * {@code eventId} are kept apart in memory; what this catches is the same event appended by
 * another node in between. It costs one {@link LedgerStore#findEvents} per source of keyed
 * events, and runs only when the tail moved or an append failed: never on the path of a batch
 * that is written at once.
 */
final class RecordedGroups {
  private RecordedGroups() {}

  /**
   * Fails each group of {@code groups} holding a recorded event with {@link
   * AlreadyRecordedException} and returns the others, in order.
   */
  static List<PendingGroup> failRecorded(LedgerStore store, List<PendingGroup> groups) {
    Map<String, List<String>> idsBySource = new LinkedHashMap<>();
    for (PendingGroup group : groups) {
      for (PreparedEvent event : group.events()) {
        EventKey key = event.key();
        if (key != null) {
          idsBySource.computeIfAbsent(key.source(), s -> new ArrayList<>()).add(key.eventId());
        }
      }
    }
    if (idsBySource.isEmpty()) {
      return groups;
    }
    Map<String, Map<String, RecordedEvent>> recorded = new HashMap<>();
    idsBySource.forEach((source, ids) -> recorded.put(source, store.findEvents(source, ids)));
    List<PendingGroup> kept = new ArrayList<>(groups.size());
    for (PendingGroup group : groups) {
      String found = firstRecorded(group, recorded);
      if (found == null) {
        kept.add(group);
      } else {
        group.future().completeExceptionally(new AlreadyRecordedException(found
            + " was appended by another writer meanwhile; nothing of this group was written"));
      }
    }
    return kept;
  }

  private static String firstRecorded(
      PendingGroup group, Map<String, Map<String, RecordedEvent>> recorded) {
    for (PreparedEvent event : group.events()) {
      EventKey key = event.key();
      if (key != null) {
        RecordedEvent at = recorded.get(key.source()).get(key.eventId());
        if (at != null) {
          return "eventId " + key.eventId() + " from " + key.source() + " (entry " + at.seq() + ")";
        }
      }
    }
    return null;
  }
}
