package io.accessledger.audit;

import io.accessledger.entries.Person;
import io.accessledger.entries.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a {@code VIEW} entry the rules read, kept compact for an audit of millions.
 *
 * @param record {@code type/id} of the record opened ({@code null} for a part not given)
 */
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

  /**
   * The view entry {@code seq}, with its names kept once in {@code names}; null when it names no
   * viewer ({@code actor.id}), no subject ({@code subject.id}) or no time ({@code occurredAt}).
   */
  static ViewEntry of(long seq, View view, Names names) {
    Person viewer = view.header().actor();
    if (viewer.id() == null || view.subject() == null || view.header().at() == null) {
      return null;
    }
    return new ViewEntry(seq, names.keep(viewer.id()), names.keep(viewer.role().orElse(null)),
        names.keep(viewer.team().orElse(null)), names.keep(view.subject()),
        view.record().type() + "/" + view.record().id(), view.header().at(), view.breakGlass(),
        view.reason().orElse(null));
  }

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
