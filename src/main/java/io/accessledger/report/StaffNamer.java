package io.accessledger.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Names the staff of one report under its {@link StaffNames} policy. Role and team always come
 * from the person object itself. Under {@link StaffNames#PSEUDONYM} every staff id gets one label
 * for the whole report: the role it was first {@link #learn learned} with, in words, and a letter
 * counted per role in the order people are first named ("Social worker A", "Social worker B",
 * "Team manager A"); a person whose role the report never learns is a "Member of staff". Letters
 * run A to Z, then AA, AB and so on. Not thread-safe: one per report.
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
   * Notes the role a person object gives its id, if it is the first role seen for that id, so a
   * person named elsewhere without a role (a {@code decidedBy} holding only an id) still gets the
   * label of their role. Call for every person in the report before the first {@link #name}.
   */
  void learn(Object person) {
    if (person instanceof Map<?, ?> map && map.get("id") instanceof String id
        && map.get("role") instanceof String role) {
      roles.putIfAbsent(id, role);
    }
  }

  /** The person object {@code {id, role?, team?, displayName?}} as the policy shows it, or null. */
  Staff name(Object person) {
    if (!(person instanceof Map<?, ?> map)) {
      return null;
    }
    String id = text(map.get("id"));
    String role = text(map.get("role"));
    String team = text(map.get("team"));
    return switch (policy) {
      case SHOW -> new Staff(role, team, id, text(map.get("displayName")), null);
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

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }
}
