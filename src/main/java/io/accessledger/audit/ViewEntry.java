package io.accessledger.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of a {@code VIEW} entry the rules read. */
record ViewEntry(
    long seq,
    String actor,
    String role,
    String team,
    String subject,
    String record,
    Instant at,
    boolean breakGlass,
    String reason) {

  /** The viewer, with the role and team the view names: "sw-1 (social-worker, team north-cin)". */
  String who() {
    List<String> about = new ArrayList<>();
    if (role != null) {
      about.add(role);
    }
    if (team != null) {
      about.add("team " + team);
    }
    return actor + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
  }

  /** How every per-view finding starts: who viewed which record about whom. */
  String describe() {
    return who() + " viewed " + record + " about " + subject;
  }
}
