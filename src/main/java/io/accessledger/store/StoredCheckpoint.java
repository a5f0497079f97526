package io.accessledger.store;

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
}
