package io.accessledger.ledger.leaf;

import io.accessledger.ledger.merkle.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An {@code EXTRACT_RELEASE} whose event-id row is being checked: its posted form, and so its
 * content digest, is known only once its {@code EXTRACT_SUBJECT} entries, the next
 * {@code subjectCount} entries, have been read (contract section 2). Holds one hash state, not the
 * subjects.
 */
public final class PendingRelease {
  private static final Set<String> SUBJECT_ENTRY_KEYS =
      Set.of("eventId", "occurredAt", "release", "subject", "type");

  private final long seq;
  private final String source;
  private final String eventId;
  private final Object occurredAt;
  private final long subjectCount;
  private final Digest recorded;
  private final PostedReleaseDigest posted;
  private long seen;

  private PendingRelease(
      long seq, LedgerEntry release, String eventId, long subjectCount, Digest recorded) {
    this.seq = seq;
    this.source = release.source();
    this.eventId = eventId;
    this.occurredAt = release.event().get("occurredAt");
    this.subjectCount = subjectCount;
    this.recorded = recorded;
    this.posted = new PostedReleaseDigest(release.event());
  }

  /**
   * Starts checking the release at {@code seq} against the content digest its row records.
   *
   * @param release a release for which {@link #malformed} found nothing wrong
   */
  public static PendingRelease start(long seq, LedgerEntry release, String eventId, Digest recorded) {
    long count = (Long) release.event().get("subjectCount");
    return new PendingRelease(seq, release, eventId, count, recorded);
  }

  /** Why a stored release is not in the form the service stores, or null. */
  public static String malformed(LedgerEntry release) {
    Map<String, Object> event = release.event();
    if (event.containsKey("subjects")) {
      return "it stores subjects, which belong in its " + EventIdentity.EXTRACT_SUBJECT + " entries";
    }
    if (!(event.get("subjectCount") instanceof Long count) || count < 1) {
      return "its subjectCount is " + event.get("subjectCount") + ", not a positive count";
    }
    return null;
  }

  public long seq() {
    return seq;
  }

  /**
   * Takes the entry at {@code entrySeq}, the next one after the release or its last subject.
   *
   * @return null when it is the expected {@code EXTRACT_SUBJECT} entry, else why it is not
   */
  public String accept(long entrySeq, LedgerEntry entry) {
    Map<String, Object> event = entry.event();
    String wantId = eventId + "#" + seen;
    String why = null;
    if (!event.keySet().equals(SUBJECT_ENTRY_KEYS)) {
      why = "its event has keys " + new TreeSet<>(event.keySet());
    } else if (!EventIdentity.EXTRACT_SUBJECT.equals(event.get("type"))) {
      why = "its type is " + event.get("type");
    } else if (!source.equals(entry.source())) {
      why = "its source is " + entry.source() + ", the release's " + source;
    } else if (!wantId.equals(event.get("eventId"))) {
      why = "its eventId is " + event.get("eventId") + ", want " + wantId;
    } else if (!Long.valueOf(seq).equals(event.get("release"))) {
      why = "it names release " + event.get("release");
    } else if (!Objects.equals(occurredAt, event.get("occurredAt"))) {
      why = "its occurredAt is " + event.get("occurredAt") + ", the release's " + occurredAt;
    } else if (!(event.get("subject") instanceof Map<?, ?> subject)
        || !subject.keySet().equals(Set.of("id"))
        || !(subject.get("id") instanceof String)) {
      why = "its subject is " + event.get("subject") + ", not {\"id\": <string>}";
    }
    if (why != null) {
      return "the extract release at seq " + seq + " names " + subjectCount + " subjects, but entry "
          + entrySeq + " is not its " + EventIdentity.EXTRACT_SUBJECT + " entry " + seen + ": "
          + why + ", so the event as posted cannot be rebuilt to check its event-id row";
    }
    posted.addSubject((String) ((Map<?, ?>) event.get("subject")).get("id"));
    seen++;
    return null;
  }

  /** Whether every subject entry has been read. */
  public boolean complete() {
    return seen == subjectCount;
  }

  /**
   * Once {@link #complete}: null when the recorded digest is the posted event's, else the problem.
   */
  public String contentProblem() {
    Digest actual = posted.finish();
    if (actual.equals(recorded)) {
      return null;
    }
    return "the event-id index records " + EventIdentity.describeContent(recorded) + " for "
        + EventIdentity.describe(source, eventId) + " at seq " + seq + ", but the extract release"
        + " as posted (rebuilt from entries " + seq + " to " + (seq + subjectCount) + ") hashes to "
        + actual + " (index edited)";
  }

  /** The problem when the log ends before every subject entry has been read. */
  public String truncated() {
    return "the extract release at seq " + seq + " names " + subjectCount + " subjects, but the log"
        + " ends after " + seen + " of its " + EventIdentity.EXTRACT_SUBJECT + " entries, so the"
        + " event as posted cannot be rebuilt to check its event-id row";
  }
}
