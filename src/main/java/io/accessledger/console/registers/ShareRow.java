package io.accessledger.console.registers;

import io.accessledger.api.RegisterItem;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.console.web.ConsoleLinks;
import io.accessledger.entries.ShareDecision;
import io.accessledger.report.Coded;
import io.accessledger.report.Wording;
import java.util.List;

/**
 * One share decision of the register, read from the item's leaf by the typed event model: the
 * values for the table (in words, with links to the entry, each child and each person) and the
 * same values as recorded, for the CSV. A field the entry lacks is null, shown as "not recorded".
 */
record ShareRow(
    long seq,
    String occurredAt,
    String when,
    String decision,
    String decisionWords,
    String grounds,
    String groundsWords,
    String consent,
    String recipient,
    String recipientRole,
    List<String> dataShared,
    List<Link> children,
    Link decidedBy,
    Link approvedBy,
    Link recordedBy,
    List<String> legalBasis,
    List<FlagView> flags,
    String summary,
    String leafHash) {

  static ShareRow of(RegisterItem item, ShareDecision share, ConsoleDates dates) {
    return new ShareRow(item.seq(), share.header().occurredAt(), RowValues.when(share.header(), dates),
        share.decision(), words(Wording.decision(share.decision())), share.grounds(),
        words(Wording.grounds(share.grounds())), share.consent(),
        share.recipient().organisation(), share.recipient().role().orElse(null),
        share.dataShared(),
        share.subjects().stream().map(id -> new Link(id, id, ConsoleLinks.subject(id))).toList(),
        RowValues.person(share.decidedBy()), share.approvedBy().map(RowValues::person).orElse(null),
        RowValues.person(share.header().actor()), share.header().legalBasis(),
        item.flags().stream().map(FlagView::of).toList(), item.summary(), item.leafHash());
  }

  /** The entry's page. */
  public String href() {
    return ConsoleLinks.entry(seq);
  }

  public boolean flagged() {
    return !flags.isEmpty();
  }

  /** The flag codes, space-separated, for the row's {@code data-flags}. */
  public String flagCodes() {
    return String.join(" ", flags.stream().map(FlagView::code).toList());
  }

  private static String words(Coded coded) {
    return coded == null ? null : coded.label();
  }
}
