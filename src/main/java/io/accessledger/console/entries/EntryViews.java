package io.accessledger.console.entries;

import io.accessledger.api.EntryAnswer;
import io.accessledger.api.LogInfo;
import io.accessledger.console.entries.describe.EntryDescriber;
import io.accessledger.console.web.ConsoleDates;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.Header;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LeafFormatException;
import io.accessledger.ledger.leaf.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link EntryView} from the API's answer for the entry, so the page shows exactly the
 * leaf, hash, proof and checkpoint {@code GET /v1/entries/{seq}} would. A leaf that does not decode
 * is still shown as stored, with its proof, and said to be damaged.
 */
final class EntryViews {
  private final EntryDescriber describer;
  private final ConsoleDates dates;

  EntryViews(EntryDescriber describer, ConsoleDates dates) {
    this.describer = describer;
    this.dates = dates;
  }

  EntryView of(EntryAnswer answer, LogInfo log, long auditSeq) {
    byte[] bytes = answer.leaf().getBytes(StandardCharsets.UTF_8);
    List<EntryView.ProofStep> proof = new ArrayList<>();
    for (String hash : answer.proof()) {
      proof.add(new EntryView.ProofStep(proof.size() + 1, hash));
    }
    LedgerEntry entry;
    try {
      entry = LeafCodec.decode(bytes);
    } catch (LeafFormatException e) {
      return new EntryView(answer.seq(), null, null, e.getMessage() + "; run verify", null, null,
          null, null, null, List.of(), List.of(), List.of(), answer.leaf(), bytes.length,
          PrettyJson.of(answer.leaf()), answer.leafHash(), answer.treeSize(), proof,
          answer.checkpoint(), log.origin(), log.verifierKey(), dates.zone().getId(), auditSeq);
    }
    LedgerEvent event = EventParser.parse(entry);
    Header header = event.header();
    return new EntryView(answer.seq(), header.type(), describer.describe(event), null,
        header.eventId(), header.occurredAt(),
        header.at() == null ? null : dates.dateTime(header.at()),
        received(entry.receivedAt()), entry.source(), describer.legalBases(event),
        EntryLinks.named(event), EntryLinks.chains(entry.links(), event), answer.leaf(),
        bytes.length, PrettyJson.of(answer.leaf()), answer.leafHash(), answer.treeSize(), proof,
        answer.checkpoint(), log.origin(), log.verifierKey(), dates.zone().getId(), auditSeq);
  }

  /** "3 March 2026, 14:05:09 (2026-03-03T14:05:09.123Z)"; as stored if it is not a time. */
  private String received(String receivedAt) {
    try {
      return dates.dateTime(Instant.parse(receivedAt)) + " (" + receivedAt + ")";
    } catch (DateTimeException | NullPointerException e) {
      return receivedAt;
    }
  }
}
