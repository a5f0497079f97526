package io.accessledger.store;

import io.accessledger.ledger.merkle.Digest;

/**
 * A signed checkpoint as stored: the tree size it commits to and the full signed note text.
 * The note is the evidence; {@code size} is an index for finding it.
 */
public record StoredCheckpoint(long size, String note) {
  public StoredCheckpoint {
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must be >= 0, got " + size);
    }
    if (note == null || note.isEmpty()) {
      throw new IllegalArgumentException("checkpoint note must be non-empty");
    }
  }

  /**
   * The root hash the note signs (its third line). The note is the log's own, checked when it was
   * signed and stored; this reads it without verifying the signature again.
   */
  public Digest root() {
    int first = note.indexOf('\n');
    int second = note.indexOf('\n', first + 1);
    int third = note.indexOf('\n', second + 1);
    return Digest.fromBase64(note.substring(second + 1, third));
  }
}
