package io.accessledger.events;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated event from one source, turned into the entries the log will hold: one entry, or for an
 * {@code EXTRACT_RELEASE} the release (carrying {@code subjectCount} instead of {@code subjects}) and
 * one {@code EXTRACT_SUBJECT} entry per subject in posted order, so that a proof about one child never
 * discloses another child's identifier (contract section 2).
 */
record PostedEvent(String eventId, EventKey key, List<PreparedEvent> entries, int subjectCount) {

  /** Prepares {@code event}, which MUST already be valid. */
  static PostedEvent of(String source, Map<String, Object> event) {
    String eventId = (String) event.get("eventId");
    EventKey key = new EventKey(source, eventId, sha256(CanonicalJson.serialize(event)));
    if (!EventType.EXTRACT_RELEASE.name().equals(event.get("type"))) {
      return new PostedEvent(eventId, key, List.of(PreparedEvent.identified(event, key)), 0);
    }
    List<?> subjects = (List<?>) event.get("subjects");
    Map<String, Object> release = new LinkedHashMap<>(event);
    release.remove("subjects");
    release.put("subjectCount", (long) subjects.size());
    List<PreparedEvent> entries = new ArrayList<>(subjects.size() + 1);
    entries.add(PreparedEvent.identified(release, key));
    String occurredAt = (String) event.get("occurredAt");
    for (int i = 0; i < subjects.size(); i++) {
      String subjectId = (String) ((Map<?, ?>) subjects.get(i)).get("id");
      entries.add(PreparedEvent.extractSubject(eventId, i, occurredAt, subjectId, i + 1, source));
    }
    return new PostedEvent(eventId, key, List.copyOf(entries), subjects.size());
  }

  static Digest sha256(byte[] bytes) {
    return Digest.of(TreeHasher.sha256(bytes));
  }
}
