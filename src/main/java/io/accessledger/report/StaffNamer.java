package io.accessledger.report;

import io.accessledger.entries.Person;
import java.util.HashMap;
import java.util.Map;

/**
 * Names the staff of one report under its {@link StaffNames} policy. Role and team always come
 * from the person as the event names them. Under {@link StaffNames#PSEUDONYM} every staff id gets
 * one label for the whole report: the role it was first {@link #learn learned} with, in words, and
 * a letter counted per role in the order people are first named ("Social worker A", "Social
 * worker B", "Team manager A"); a person whose role the report never learns is a "Member of
 * staff". Letters run A to Z, then AA, AB and so on. Not thread-safe: one per report.
 */
final class StaffNamer {
  private final StaffNames policy;
  private final Map<String, String> roles = new HashMap<>();
  private final Map<String, String> labels = new HashMap<>();
  private final Map<String, Integer> perRole = new HashMap<>();

  StaffNamer(StaffNames policy) {
    this.policy = policy;
  }

  /**
   * Notes the role {@code person} gives their id, if it is the first role seen for that id, so a
   * person named elsewhere without a role (a {@code decidedBy} holding only an id) still gets the
   * label of their role. Call for every person in the report before the first {@link #name}.
   */
  void learn(Person person) {
    if (person.id() != null && person.role().isPresent()) {
      roles.putIfAbsent(person.id(), person.role().get());
    }
  }

  /** {@code person} as the policy shows them; null for {@link Person#NONE}, no one. */
  Staff name(Person person) {
    if (person.equals(Person.NONE)) {
      return null;
    }
    String id = person.id();
    String role = person.role().orElse(null);
    String team = person.team().orElse(null);
    return switch (policy) {
      case SHOW -> new Staff(role, team, id, person.displayName().orElse(null), null);
      case ROLE_ONLY -> new Staff(role, team, null, null, null);
      case PSEUDONYM -> new Staff(role, team, null, null, id == null ? null : label(id));
    };
  }

  private String label(String id) {
    return labels.computeIfAbsent(id, key -> {
      String role = roles.get(key);
      String kind = role == null ? "Member of staff" : Wording.capitalised(Wording.words(role));
      int index = perRole.merge(kind, 1, Integer::sum) - 1;
      return kind + " " + letters(index);
    });
  }

  /** 0 → A, 25 → Z, 26 → AA, 27 → AB: bijective base 26. */
  static String letters(int index) {
    StringBuilder out = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      out.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return out.toString();
  }
}
