package io.accessledger.console.entries;

import io.accessledger.report.Ground;
import java.util.List;

/**
 * What the entry page shows: the entry in words and as its facts, whom it names and the chains it
 * is in, and everything an outsider needs to check it (the canonical leaf, its hash, the
 * inclusion proof, the signed checkpoint and the verifier key).
 *
 * @param description what the entry says in plain English; null when the leaf does not decode
 * @param problem why the leaf does not decode (a damaged database); null when it does
 * @param happened {@code occurredAt} in words, in the service's zone; null when it is not a time
 * @param leaf the canonical leaf text exactly as stored and as the API returns it
 * @param leafBytes how many bytes the leaf's UTF-8 encoding has
 * @param auditSeq the entry recording this very view of the page
 */
public record EntryView(
    long seq,
    String type,
    String description,
    String problem,
    String eventId,
    String occurredAt,
    String happened,
    String receivedAt,
    String source,
    List<Ground> legalBases,
    List<EntryLinks.Named> named,
    List<EntryLinks.Chain> chains,
    String leaf,
    int leafBytes,
    String prettyLeaf,
    String leafHash,
    long treeSize,
    List<ProofStep> proof,
    String checkpoint,
    String origin,
    String verifierKey,
    String zone,
    long auditSeq) {

  /** One hash of the inclusion proof, numbered from 1 in the order the proof lists them. */
  public record ProofStep(int number, String hash) {}

  public EntryView {
    legalBases = List.copyOf(legalBases);
    named = List.copyOf(named);
    chains = List.copyOf(chains);
    proof = List.copyOf(proof);
  }

  /** The API address of the same entry with its proof, for a verifier's own tools. */
  public String apiPath() {
    return "/v1/entries/" + seq;
  }
}
