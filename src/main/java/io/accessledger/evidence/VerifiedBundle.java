package io.accessledger.evidence;

import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CompletenessStatement;
import io.accessledger.ledger.notes.VerifierKey;
import java.util.List;
import java.util.Map;

/**
 * What a bundle proved, once {@link BundleVerifier} accepted it: every entry naming {@code key} in
 * the signed tree {@code checkpoint}, oldest first, ending at the statement's head; the extract
 * releases they point at, by {@code seq}; the entry recording who asked; and the earlier tree
 * sizes the log was proven to have only grown from; {@code keys}, the log's keys from the one
 * the verifier trusted to the one that signs {@code checkpoint} (one key when it never rotated);
 * and, for each witness the verifier named, the largest tree it was proven to have cosigned.
 */
public record VerifiedBundle(
    String key,
    Checkpoint checkpoint,
    CompletenessStatement completeness,
    LedgerEntry request,
    List<LedgerEntry> entries,
    Map<Long, LedgerEntry> releases,
    List<Long> consistentFrom,
    Checkpoint saved,
    List<VerifierKey> keys,
    List<WitnessVouch> witnessed) {
  public VerifiedBundle {
    keys = List.copyOf(keys);
    entries = List.copyOf(entries);
    releases = Map.copyOf(releases);
    consistentFrom = List.copyOf(consistentFrom);
    witnessed = List.copyOf(witnessed);
  }
}
