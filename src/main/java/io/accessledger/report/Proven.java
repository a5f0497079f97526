package io.accessledger.report;

import io.accessledger.api.ProvenEntry;
import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.ledger.leaf.LedgerEntry;

/**
 * One ledger entry a report draws on: its event, typed once for the report's content, and the
 * entry as served with its inclusion proof in the report's signed tree, for its evidence.
 */
public record Proven(LedgerEvent event, ProvenEntry proof) {
  /** The decoded {@code entry}, whose leaf {@code proof} serves. */
  public static Proven of(LedgerEntry entry, ProvenEntry proof) {
    return new Proven(EventParser.parse(entry), proof);
  }

  public long seq() {
    return proof.seq();
  }

  public Ref ref() {
    return new Ref(proof.seq(), proof.leafHash());
  }
}
