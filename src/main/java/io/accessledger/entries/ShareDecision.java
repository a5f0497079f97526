package io.accessledger.entries;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code SHARE_DECISION} (contract section 4): a decision, made without consent, to share
 * information about one or more children, or not to.
 *
 * @param subjects the ids of the children it concerns, in order; a reader that shows one child's
 *     record MUST NOT show the others
 * @param decision {@code SHARE} or {@code DO_NOT_SHARE} ({@link #DECISIONS}), as recorded
 * @param grounds one of {@link #GROUNDS}, as recorded
 * @param consent why consent was not relied on ({@code NOT_SOUGHT}, {@code REFUSED}, ...)
 * @param subjectInformed whether the children or family were told, when the event says
 * @param notInformedReason why not, when given (ingest requires it exactly when {@code
 *     subjectInformed} is false)
 * @param courtOrder the order relied on, when the leaf holds one (ingest requires it on {@code
 *     COURT_ORDER} grounds)
 */
public record ShareDecision(
    Header header,
    List<String> subjects,
    String decision,
    String grounds,
    String consent,
    String consentReason,
    Recipient recipient,
    List<String> dataShared,
    Person decidedBy,
    String rationale,
    Optional<Person> approvedBy,
    Optional<Boolean> subjectInformed,
    Optional<String> notInformedReason,
    Optional<CourtOrder> courtOrder)
    implements LedgerEvent {
  public static final String TYPE = "SHARE_DECISION";

  /** The values of {@code decision} in contract section 4 (a test keeps the validator's equal). */
  public static final List<String> DECISIONS = List.of("SHARE", "DO_NOT_SHARE");

  /** The values of {@code grounds} in contract section 4. */
  public static final List<String> GROUNDS = List.of("SERIOUS_HARM_RISK",
      "CRIME_PREVENTION_DETECTION", "COURT_ORDER", "LEGAL_OBLIGATION");

  public ShareDecision {
    subjects = List.copyOf(subjects);
    dataShared = List.copyOf(dataShared);
  }

  static ShareDecision read(Header header, Fields event) {
    List<String> subjects = event.objects("subjects").stream()
        .map(subject -> subject.text("id")).filter(Objects::nonNull).toList();
    return new ShareDecision(header, subjects, event.text("decision"), event.text("grounds"),
        event.text("consent"), event.text("consentReason"),
        Recipient.read(event.object("recipient")), event.texts("dataShared"),
        Person.read(event.object("decidedBy")), event.text("rationale"),
        Person.optional(event, "approvedBy"), Optional.ofNullable(event.bool("subjectInformed")),
        event.optionalText("notInformedReason"),
        event.optionalObject("courtOrder").map(CourtOrder::read));
  }
}
