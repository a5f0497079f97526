package io.accessledger.events;

import java.util.List;
import java.util.Set;

/**
 * A {@code SHARE_DECISION}: a decision, made without consent, to share (or not) information about
 * one or more subjects. The law expects the decision and its reasons recorded either way.
 */
final class ShareDecisionRules {
  static final Set<String> FIELDS = CommonRules.fieldsPlus("subjects", "decision", "grounds",
      "consent", "consentReason", "recipient", "dataShared", "decidedBy", "rationale",
      "approvedBy", "subjectInformed", "notInformedReason", "courtOrder");
  static final Set<String> COURT_ORDER_FIELDS = Set.of("court", "reference", "date");

  static final List<String> DECISIONS = List.of("SHARE", "DO_NOT_SHARE");
  static final List<String> GROUNDS = List.of("SERIOUS_HARM_RISK", "CRIME_PREVENTION_DETECTION",
      "COURT_ORDER", "LEGAL_OBLIGATION");
  static final List<String> CONSENT = List.of("NOT_SOUGHT", "REFUSED", "WITHDRAWN", "NOT_POSSIBLE");

  /**
   * Share decisions have no cap of their own in the contract; the 1 MiB body limit bounds them.
   * The extract limit is reused so no event can make the validator hold a larger id set.
   */
  static final int MAX_SUBJECTS = EventValidator.MAX_EXTRACT_SUBJECTS;

  private ShareDecisionRules() {}

  static void check(Node event) {
    Shapes.subjects(event, MAX_SUBJECTS);
    event.oneOf("decision", true, DECISIONS);
    String grounds = event.oneOf("grounds", true, GROUNDS);
    event.oneOf("consent", true, CONSENT);
    event.text("consentReason", true);
    Shapes.recipient(event);
    List<?> dataShared = event.array("dataShared", true);
    for (int i = 0; dataShared != null && i < dataShared.size() && !event.full(); i++) {
      event.text(dataShared.get(i), "dataShared", i);
    }
    Shapes.person(event, "decidedBy", true);
    event.text("rationale", true);
    Shapes.person(event, "approvedBy", false);
    informed(event);
    courtOrder(event, "COURT_ORDER".equals(grounds));
  }

  /**
   * {@code notInformedReason} explains why the subject was not told, so it belongs exactly to
   * {@code subjectInformed: false}: required there, refused anywhere else (it would contradict).
   */
  private static void informed(Node event) {
    boolean informedGiven = event.has("subjectInformed");
    Boolean informed = event.bool("subjectInformed", false);
    boolean reasonGiven = event.has("notInformedReason");
    event.text("notInformedReason", false);
    if (informedGiven && informed == null) {
      return; // not a boolean: that error already says what is wrong
    }
    if (Boolean.FALSE.equals(informed)) {
      if (!reasonGiven) {
        event.error("notInformedReason", Node.NO_INDEX, "required when subjectInformed is false");
      }
    } else if (reasonGiven) {
      event.error("notInformedReason", Node.NO_INDEX,
          "allowed only when subjectInformed is false");
    }
  }

  private static void courtOrder(Node event, boolean required) {
    Node order = event.object("courtOrder", false);
    if (order == null) {
      if (required && !event.has("courtOrder")) {
        event.error("courtOrder", Node.NO_INDEX, "required when grounds is COURT_ORDER");
      }
      return;
    }
    order.onlyFields(COURT_ORDER_FIELDS);
    order.text("court", true);
    order.text("reference", true);
    order.date("date", true);
  }
}
