package io.accessledger.witness;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One checkpoint the witness recorded: the signed note as the log served it, what it says (already
 * verified under the pinned key), when it was checked, and the RFC 9162 consistency proof from the
 * previously recorded checkpoint (empty for the first, or when the previous tree was empty), kept
 * so that the whole state file can be checked again offline.
 */
record Recorded(Instant checkedAt, String note, Checkpoint checkpoint, List<Digest> consistency) {
  Recorded {
    Objects.requireNonNull(checkedAt, "checkedAt");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(checkpoint, "checkpoint");
    consistency = List.copyOf(consistency);
  }
}
