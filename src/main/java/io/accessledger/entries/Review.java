package io.accessledger.entries;

import java.util.Optional;

/**
 * A {@code REVIEW} entry, written by the ledger when the DPO reviews a need-to-know finding: the
 * reviewer is the {@code actor}. It names no top-level subject, so it is in no child's history.
 *
 * @param audit the {@code seq} of the audit's {@code AUDIT_QUERY} entry ({@code audit.seq})
 * @param finding the finding's id within that audit
 * @param rule the rule that found it
 * @param outcome what the DPO concluded ({@code EXPLAINED}, {@code UNEXPLAINED}, ...)
 * @param reviewed the {@code seq} of the finding's first entry ({@code reviewed.seq})
 * @param concerningStaff the member of staff the finding is about ({@code concerning.staff})
 * @param concerningSubject the child it is about, when it is about one ({@code
 *     concerning.subject})
 */
public record Review(
    Header header,
    Long audit,
    String finding,
    String rule,
    String outcome,
    String note,
    Long reviewed,
    String concerningStaff,
    Optional<String> concerningSubject)
    implements LedgerEvent {
  public static final String TYPE = "REVIEW";

  static Review read(Header header, Fields event) {
    Fields concerning = event.object("concerning");
    return new Review(header, event.object("audit").integer("seq"), event.text("finding"),
        event.text("rule"), event.text("outcome"), event.text("note"),
        event.object("reviewed").integer("seq"), concerning.text("staff"),
        concerning.optionalText("subject"));
  }
}
