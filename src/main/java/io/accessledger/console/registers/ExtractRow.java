package io.accessledger.console.registers;

import io.accessledger.api.RegisterItem;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.entries.Dataset;
import io.accessledger.entries.ExtractRelease;
import java.util.List;

/**
 * One extract release of the register, read from the item's leaf by the typed event model. A
 * stored release names no child (its {@code subjectCount} stands for them), so neither does the
 * row: each child is in an {@code EXTRACT_SUBJECT} entry of their own.
 */
record ExtractRow(
    long seq,
    String occurredAt,
    String when,
    String agreement,
    String recipient,
    String dataset,
    String sha256,
    Long rowCount,
    Boolean pseudonymised,
    List<String> categories,
    String periodFrom,
    String periodTo,
    Long subjectCount,
    Link approvedBy,
    Link recordedBy,
    List<String> legalBasis,
    List<FlagView> flags,
    String summary,
    String leafHash) {

  static ExtractRow of(RegisterItem item, ExtractRelease release, ConsoleDates dates) {
    Dataset dataset = release.dataset();
    return new ExtractRow(item.seq(), release.header().occurredAt(),
        RowValues.when(release.header(), dates), release.agreement(),
        release.recipient().organisation(), dataset.name(), dataset.sha256(), dataset.rowCount(),
        dataset.pseudonymised(), dataset.categories(), dataset.periodFrom(), dataset.periodTo(),
        release.subjectCount(), release.approvedBy().map(RowValues::person).orElse(null),
        RowValues.person(release.header().actor()), release.header().legalBasis(),
        item.flags().stream().map(FlagView::of).toList(), item.summary(), item.leafHash());
  }

  public String href() {
    return ConsoleLinks.entry(seq);
  }

  public boolean flagged() {
    return !flags.isEmpty();
  }

  public String flagCodes() {
    return String.join(" ", flags.stream().map(FlagView::code).toList());
  }

  /** The dataset's categories, comma-separated. */
  public String categoriesText() {
    return String.join(", ", categories);
  }

  /** "yes", "NO", or "not recorded". */
  public String pseudonymisedWords() {
    return pseudonymised == null ? "not recorded" : pseudonymised ? "yes" : "NO";
  }
}
