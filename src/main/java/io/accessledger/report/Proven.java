package io.accessledger.report;

import io.accessledger.api.ProvenEntry;
import io.accessledger.ledger.leaf.LedgerEntry;

/**
 * One ledger entry a report draws on: decoded, for the report's content, and as served with its
 * inclusion proof in the report's signed tree, for its evidence.
 */
public record Proven(LedgerEntry entry, ProvenEntry proof) {
  public long seq() {
    return proof.seq();
  }

  public Ref ref() {
    return new Ref(proof.seq(), proof.leafHash());
  }
}
