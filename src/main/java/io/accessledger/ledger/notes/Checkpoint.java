package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.Digest;
import java.util.Objects;

/**
 * A C2SP {@code tlog-checkpoint}: the log's origin, its tree size and the RFC 9162 root hash of
 * the first {@code size} leaves.
 *
 * <p>The origin MUST be non-empty and MUST NOT contain control characters (newline included) or
 * unpaired surrogates, so that {@link #body()} is always well-formed note text. As the spec
 * says, the origin need not be a key name; this log's own origin is also its key name, which
 * {@link CheckpointSigner} checks.
 *
 * @param origin the unique identity of the log
 * @param size the number of leaves, at least 0
 * @param root the Merkle tree hash of those leaves
 */
public record Checkpoint(String origin, long size, Digest root) {
  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(root, "root");
    if (origin.isEmpty()) {
      throw new IllegalArgumentException("checkpoint origin must be non-empty");
    }
    String problem = NoteText.textProblem(origin, false);
    if (problem != null) {
      throw new IllegalArgumentException("checkpoint origin " + problem);
    }
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size must be >= 0, got " + size);
    }
  }

  /**
   * The note text this checkpoint is signed as: {@code origin}, decimal {@code size} and base64
   * {@code root}, each followed by a newline, with no extension lines.
   */
  public String body() {
    return origin + "\n" + size + "\n" + root.base64() + "\n";
  }
}
