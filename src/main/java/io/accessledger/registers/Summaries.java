package io.accessledger.registers;

import io.accessledger.entries.CourtOrder;
import io.accessledger.entries.Dataset;
import io.accessledger.entries.ExtractRelease;
import io.accessledger.entries.Person;
import io.accessledger.entries.ShareDecision;

/**
 * The registers' one-line summaries: one sentence a DPO can read in a list. Neither names a
 * child: the leaf listed beside it does, for whoever needs to check. A field the entry does not
 * give is shown as {@code null}, so a line never hides that a record lacks it.
 */
public final class Summaries {
  private Summaries() {}

  /**
   * When, what was decided about how many subjects, with whom, on what grounds, who decided and
   * approved, who recorded it.
   */
  public static String of(ShareDecision share) {
    StringBuilder s = new StringBuilder();
    s.append(share.header().occurredAt()).append(": decision ")
        .append("DO_NOT_SHARE".equals(share.decision()) ? "NOT to share " : "to SHARE ")
        .append(share.dataShared().isEmpty() ? "information" : String.join(", ", share.dataShared()))
        .append(" about ").append(count(share.subjects().size(), "subject"))
        .append(" with ").append(share.recipient().organisation())
        .append(share.recipient().role().map(role -> " (" + role + ")").orElse(""))
        .append(", grounds ").append(share.grounds()).append(", consent ").append(share.consent())
        .append("; decided by ").append(share.decidedBy().id())
        .append(", approved by ")
        .append(share.approvedBy().map(Person::id).orElse("no one recorded"));
    if (share.courtOrder().isPresent()) {
      CourtOrder order = share.courtOrder().get();
      s.append("; court order ").append(order.reference()).append(" of ").append(order.court())
          .append(" dated ").append(order.date());
    }
    s.append("; legal basis ").append(String.join(", ", share.header().legalBasis()))
        .append("; recorded by ").append(person(share.header().actor()));
    return s.toString();
  }

  /**
   * When, which dataset (rows, pseudonymised or not, categories, period) about how many subjects
   * went to whom under which agreement, who approved and recorded it.
   */
  public static String of(ExtractRelease release) {
    Dataset dataset = release.dataset();
    long subjects = release.subjectCount() == null ? 0 : release.subjectCount();
    return release.header().occurredAt() + ": release of dataset " + dataset.name() + " ("
        + (dataset.rowCount() == null ? "rows not stated" : count(dataset.rowCount(), "row"))
        + ", " + (Boolean.TRUE.equals(dataset.pseudonymised()) ? "pseudonymised" : "NOT pseudonymised")
        + ", categories " + String.join(", ", dataset.categories())
        + ", period " + dataset.periodFrom() + " to " + dataset.periodTo() + ") about "
        + count(subjects, "subject") + " to " + release.recipient().organisation()
        + " under agreement " + release.agreement() + "; approved by "
        + release.approvedBy().map(Person::id).orElse("no one recorded")
        + "; legal basis " + String.join(", ", release.header().legalBasis())
        + "; recorded by " + person(release.header().actor());
  }

  /** {@code 1 subject}, {@code 2 subjects}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** {@code tm-0007 (team-manager)}, or the id alone. */
  static String person(Person person) {
    return person.id() + person.role().map(role -> " (" + role + ")").orElse("");
  }
}
