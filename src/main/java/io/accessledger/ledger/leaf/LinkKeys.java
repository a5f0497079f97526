package io.accessledger.ledger.leaf;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Derives the link keys an event names (contract section 2): {@code subject:<id>} for a
 * {@code subject} object or each element of a {@code subjects} array, {@code actor:<id>} for the
 * {@code actor}, and {@code record:<type>/<id>} for the {@code record}.
 *
 * <p>Each key's entries form a hash-committed chain inside the log, so the set returned here decides
 * whose history an entry belongs to. Values of the wrong shape are skipped rather than refused:
 * validating events is the ingest layer's job, and the ledger must be able to record whatever it
 * was given.
 */
public final class LinkKeys {
  private LinkKeys() {}

  /** The distinct link keys {@code event} names, in canonical (sorted) order. */
  public static List<String> of(Map<String, ?> event) {
    TreeSet<String> keys = new TreeSet<>();
    String subject = idOf(event.get("subject"));
    if (subject != null) {
      keys.add(subjectKey(subject));
    }
    if (event.get("subjects") instanceof List<?> subjects) {
      for (Object element : subjects) {
        String id = idOf(element);
        if (id != null) {
          keys.add(subjectKey(id));
        }
      }
    }
    String actor = idOf(event.get("actor"));
    if (actor != null) {
      keys.add(actorKey(actor));
    }
    if (event.get("record") instanceof Map<?, ?> record
        && record.get("type") instanceof String type
        && record.get("id") instanceof String id) {
      keys.add(recordKey(type, id));
    }
    for (String key : keys) {
      // A String caches its hash: computing it here, on the caller's thread, spares the single
      // writer (and the verifier's ordered walk), which look every key up in hash maps.
      key.hashCode();
    }
    return List.copyOf(keys);
  }

  /** The link key of a subject's history. */
  public static String subjectKey(String id) {
    return "subject:" + id;
  }

  /** The link key of an actor's history. */
  public static String actorKey(String id) {
    return "actor:" + id;
  }

  /** The link key of a record's history. */
  public static String recordKey(String type, String id) {
    return "record:" + type + "/" + id;
  }

  private static String idOf(Object value) {
    return value instanceof Map<?, ?> map && map.get("id") instanceof String id ? id : null;
  }
}
