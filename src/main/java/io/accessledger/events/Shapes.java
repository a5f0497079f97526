package io.accessledger.events;

import io.accessledger.ledger.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small objects several event types share: a person ({@code actor}, {@code decidedBy}, {@code
 * approvedBy}), a {@code recipient}, a {@code subjects} list, and distinct-string arrays.
 */
final class Shapes {
  static final Set<String> PERSON_FIELDS = Set.of("id", "role", "team", "displayName");
  static final Set<String> ID_FIELDS = Set.of("id");
  static final Set<String> RECIPIENT_FIELDS = Set.of("organisation", "role");

  /** Above this many elements, duplicates are found with a hash set rather than by scanning. */
  private static final int SCAN_LIMIT = 16;

  private Shapes() {}

  /** {@code {id, role?, team?, displayName?}}, all non-blank; the id an identifier. */
  static void person(Node owner, String field, boolean required) {
    Node person = owner.object(field, required);
    if (person == null) {
      return;
    }
    person.onlyFields(PERSON_FIELDS);
    person.id("id", true);
    person.text("role", false);
    person.text("team", false);
    person.text("displayName", false);
  }

  /** {@code {organisation, role?}}: who receives shared or extracted data. */
  static void recipient(Node owner) {
    Node recipient = owner.object("recipient", true);
    if (recipient == null) {
      return;
    }
    recipient.onlyFields(RECIPIENT_FIELDS);
    recipient.text("organisation", true);
    recipient.text("role", false);
  }

  /** {@code {id}}: a subject named in a VIEW. */
  static void subject(Node owner) {
    Node subject = owner.object("subject", true);
    if (subject == null) {
      return;
    }
    subject.onlyFields(ID_FIELDS);
    subject.id("id", true);
  }

  /**
   * A required array of 1 to {@code max} {@code {id}} objects with distinct ids. Duplicates are
   * reported at the later element without echoing the id: subject ids identify children.
   */
  static void subjects(Node owner, int max) {
    List<?> subjects = owner.array("subjects", true);
    if (subjects == null) {
      return;
    }
    if (subjects.size() > max) {
      owner.error("subjects", Node.NO_INDEX,
          "must name at most " + max + " subjects, got " + subjects.size());
    }
    Set<String> seen = new HashSet<>(Math.max(16, Math.min(subjects.size(), max) * 4 / 3 + 1));
    for (int i = 0; i < subjects.size() && !owner.full(); i++) {
      Node element = owner.object(subjects.get(i), "subjects", i);
      if (element == null) {
        continue;
      }
      element.onlyFields(ID_FIELDS);
      String id = element.id("id", true);
      if (id != null && !seen.add(id)) {
        element.error("id", Node.NO_INDEX,
            "duplicate subject id (same as " + owner.path("subjects", firstIndexOfId(subjects, id))
                + ".id)");
      }
    }
  }

  /**
   * Checks each element of {@code values} (the array under {@code field}) is non-blank text and
   * that they are distinct, reporting each repeat at its index; {@code what} names the values in
   * the message. Returns the elements, with null for each invalid one, for further checks.
   */
  static String[] distinctTexts(Node owner, String field, List<?> values, String what) {
    String[] texts = new String[values.size()];
    Set<String> seen = values.size() > SCAN_LIMIT ? new HashSet<>() : null;
    for (int i = 0; i < texts.length && !owner.full(); i++) {
      String value = owner.text(values.get(i), field, i);
      if (value == null) {
        continue;
      }
      texts[i] = value;
      if (seen != null ? !seen.add(value) : indexOf(texts, value, i) >= 0) {
        owner.error(field, i, "duplicate " + what + " " + JsonPath.quoted(value) + " (same as "
            + owner.path(field, indexOf(texts, value, i)) + ")");
      }
    }
    return texts;
  }

  /** Index of the first of {@code texts[0..end)} equal to {@code value}, or -1. */
  private static int indexOf(String[] texts, String value, int end) {
    for (int i = 0; i < end; i++) {
      if (value.equals(texts[i])) {
        return i;
      }
    }
    return -1;
  }

  private static int firstIndexOfId(List<?> subjects, String id) {
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i) instanceof Map<?, ?> m && id.equals(m.get("id"))) {
        return i;
      }
    }
    return -1;
  }
}
