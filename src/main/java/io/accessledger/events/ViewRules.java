package io.accessledger.events;

import java.util.Set;

/** A {@code VIEW}: someone opened a record about a subject. */
final class ViewRules {
  static final Set<String> FIELDS =
      CommonRules.fieldsPlus("subject", "record", "breakGlass", "reason");
  static final Set<String> RECORD_FIELDS = Set.of("type", "id");

  private ViewRules() {}

  static void check(Node event) {
    Shapes.subject(event);
    record(event);
    Boolean breakGlass = event.bool("breakGlass", false);
    String reason = event.text("reason", false);
    if (Boolean.TRUE.equals(breakGlass) && reason == null && !event.has("reason")) {
      // An emergency override must say why; the DPO reviews every one.
      event.error("reason", Node.NO_INDEX, "required when breakGlass is true");
    }
  }

  /**
   * {@code {type, id}}, both identifiers. The type may not contain {@code /}: the link key is
   * {@code record:<type>/<id>}, so a slash in the type would let two records share one history.
   */
  private static void record(Node event) {
    Node record = event.object("record", true);
    if (record == null) {
      return;
    }
    record.onlyFields(RECORD_FIELDS);
    String type = record.id("type", true);
    if (type != null && type.indexOf('/') >= 0) {
      record.error("type", Node.NO_INDEX,
          "must not contain '/' (the link key record:<type>/<id> would be ambiguous)");
    }
    record.id("id", true);
  }
}
