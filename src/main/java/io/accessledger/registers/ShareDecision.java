package io.accessledger.registers;

import java.util.List;
import java.util.Map;

/**
 * A {@code SHARE_DECISION} event (contract section 4) as the share register reads it from a leaf.
 * Missing or blank fields are null; {@code subjectCount} counts the subjects without naming them.
 */
public record ShareDecision(
    String eventId,
    String occurredAt,
    String actorId,
    String actorRole,
    String decision,
    String grounds,
    String consent,
    String recipient,
    String recipientRole,
    int subjectCount,
    List<String> dataShared,
    String decidedBy,
    String approvedBy,
    List<String> legalBasis,
    CourtOrder courtOrder) {

  /**
   * The values of {@code decision} and {@code grounds} in contract section 4 (the validator's own
   * lists are private to the events package; a test keeps the two equal).
   */
  public static final List<String> DECISIONS = List.of("SHARE", "DO_NOT_SHARE");

  public static final List<String> GROUNDS = List.of("SERIOUS_HARM_RISK",
      "CRIME_PREVENTION_DETECTION", "COURT_ORDER", "LEGAL_OBLIGATION");

  public ShareDecision {
    dataShared = List.copyOf(dataShared);
    legalBasis = List.copyOf(legalBasis);
  }

  /** Reads a decoded leaf's {@code event}. */
  public static ShareDecision of(Map<String, Object> event) {
    Map<?, ?> recipient = EventFields.object(event, "recipient");
    return new ShareDecision(
        EventFields.text(event, "eventId"),
        EventFields.text(event, "occurredAt"),
        EventFields.id(event, "actor"),
        EventFields.text(EventFields.object(event, "actor"), "role"),
        EventFields.text(event, "decision"),
        EventFields.text(event, "grounds"),
        EventFields.text(event, "consent"),
        EventFields.text(recipient, "organisation"),
        EventFields.text(recipient, "role"),
        EventFields.size(event, "subjects"),
        EventFields.texts(event, "dataShared"),
        EventFields.id(event, "decidedBy"),
        EventFields.id(event, "approvedBy"),
        EventFields.texts(event, "legalBasis"),
        CourtOrder.of(EventFields.object(event, "courtOrder")));
  }

  /**
   * One sentence a DPO can read in a list: when, what was decided about how many subjects, with
   * whom, on what grounds, who decided and approved, who recorded it. It names no subject: the
   * leaf beside it does, for whoever needs to check.
   */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(occurredAt).append(": decision ")
        .append("DO_NOT_SHARE".equals(decision) ? "NOT to share " : "to SHARE ")
        .append(dataShared.isEmpty() ? "information" : String.join(", ", dataShared))
        .append(" about ").append(Summaries.count(subjectCount, "subject"))
        .append(" with ").append(recipient)
        .append(recipientRole == null ? "" : " (" + recipientRole + ")")
        .append(", grounds ").append(grounds).append(", consent ").append(consent)
        .append("; decided by ").append(decidedBy)
        .append(", approved by ").append(approvedBy == null ? "no one recorded" : approvedBy);
    if (courtOrder != null) {
      s.append("; court order ").append(courtOrder.reference()).append(" of ")
          .append(courtOrder.court()).append(" dated ").append(courtOrder.date());
    }
    s.append("; legal basis ").append(String.join(", ", legalBasis))
        .append("; recorded by ").append(Summaries.person(actorId, actorRole));
    return s.toString();
  }
}
