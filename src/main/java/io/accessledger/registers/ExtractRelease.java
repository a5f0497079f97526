package io.accessledger.registers;

import java.util.List;
import java.util.Map;

/**
 * An {@code EXTRACT_RELEASE} entry (contract sections 2 and 4) as the extract register reads it
 * from a leaf. The release entry carries {@code subjectCount}, never the subjects, so nothing here
 * identifies a child. Missing or blank fields are null; a missing {@code dataset} reads as one with
 * every field null.
 */
public record ExtractRelease(
    String eventId,
    String occurredAt,
    String actorId,
    String actorRole,
    String recipient,
    String agreement,
    Dataset dataset,
    long subjectCount,
    String approvedBy,
    List<String> legalBasis) {

  /** The release's {@code dataset}; {@code periodFrom} and {@code periodTo} as written. */
  public record Dataset(String name, Long rowCount, Boolean pseudonymised,
      List<String> categories, String periodFrom, String periodTo) {
    public Dataset {
      categories = List.copyOf(categories);
    }
  }

  public ExtractRelease {
    legalBasis = List.copyOf(legalBasis);
  }

  /** Reads a decoded leaf's {@code event}. */
  public static ExtractRelease of(Map<String, Object> event) {
    Map<?, ?> dataset = EventFields.object(event, "dataset");
    Long subjectCount = EventFields.integer(event, "subjectCount");
    return new ExtractRelease(
        EventFields.text(event, "eventId"),
        EventFields.text(event, "occurredAt"),
        EventFields.id(event, "actor"),
        EventFields.text(EventFields.object(event, "actor"), "role"),
        EventFields.text(EventFields.object(event, "recipient"), "organisation"),
        EventFields.text(event, "agreement"),
        new Dataset(
            EventFields.text(dataset, "name"),
            EventFields.integer(dataset, "rowCount"),
            EventFields.bool(dataset, "pseudonymised"),
            EventFields.texts(dataset, "categories"),
            EventFields.text(dataset, "periodFrom"),
            EventFields.text(dataset, "periodTo")),
        subjectCount == null ? 0 : subjectCount,
        EventFields.id(event, "approvedBy"),
        EventFields.texts(event, "legalBasis"));
  }

  /**
   * One sentence a DPO can read in a list: when, which dataset (rows, pseudonymised or not,
   * categories, period) about how many subjects went to whom under which agreement, who approved
   * and recorded it.
   */
  public String summary() {
    return occurredAt + ": release of dataset " + dataset.name() + " ("
        + (dataset.rowCount() == null ? "rows not stated" : Summaries.count(dataset.rowCount(), "row"))
        + ", " + (Boolean.TRUE.equals(dataset.pseudonymised()) ? "pseudonymised" : "NOT pseudonymised")
        + ", categories " + String.join(", ", dataset.categories())
        + ", period " + dataset.periodFrom() + " to " + dataset.periodTo() + ") about "
        + Summaries.count(subjectCount, "subject") + " to " + recipient + " under agreement "
        + agreement + "; approved by " + (approvedBy == null ? "no one recorded" : approvedBy)
        + "; legal basis " + String.join(", ", legalBasis)
        + "; recorded by " + Summaries.person(actorId, actorRole);
  }
}
