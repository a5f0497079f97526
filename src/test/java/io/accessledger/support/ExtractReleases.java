package io.accessledger.support;

import io.accessledger.ledger.leaf.EventKey;
import io.accessledger.ledger.leaf.PreparedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Extract releases as {@code case-system} posts them, and the entries the service makes of one. */
public final class ExtractReleases {
  /** Who posts them. */
  public static final String SOURCE = "case-system";

  private ExtractReleases() {}

  /** An extract release as posted, naming subjects whose ids need escaping or are not ASCII. */
  public static Map<String, Object> release(String eventId) {
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("eventId", eventId);
    release.put("type", "EXTRACT_RELEASE");
    release.put("occurredAt", "2026-01-15T12:00:00Z");
    release.put("actor", Map.of("id", "ig-0003"));
    release.put("purpose", "evaluation");
    release.put("legalBasis", List.of("UKGDPR-6-1-e"));
    release.put("recipient", Map.of("organisation", "WWCSC"));
    release.put("agreement", "WWCSC-FAMILY-VALUED");
    release.put("dataset", Map.of("name", "extract", "rowCount", 12));
    release.put("approvedBy", Map.of("id", "dpo-0001"));
    release.put("subjects",
        List.of(Map.of("id", "child-\"q\""), Map.of("id", "child-\u00e9"), Map.of("id", "c-3")));
    return release;
  }

  /**
   * The entries the service makes of a posted release (contract section 2), keyed by the digest of
   * the release as posted; with {@code subjectEntries} fewer than its subjects, a broken group.
   */
  public static List<PreparedEvent> entries(Map<String, Object> posted, int subjectEntries) {
    List<?> subjects = (List<?>) posted.get("subjects");
    Map<String, Object> stored = new LinkedHashMap<>(posted);
    stored.remove("subjects");
    stored.put("subjectCount", (long) subjects.size());
    String eventId = (String) posted.get("eventId");
    List<PreparedEvent> entries = new ArrayList<>();
    entries.add(PreparedEvent.identified(
        stored, new EventKey(SOURCE, eventId, TestLedger.postedDigest(posted))));
    for (int i = 0; i < subjectEntries; i++) {
      String id = (String) ((Map<?, ?>) subjects.get(i)).get("id");
      entries.add(PreparedEvent.extractSubject(
          eventId, i, (String) posted.get("occurredAt"), id, i + 1, SOURCE));
    }
    return entries;
  }
}
