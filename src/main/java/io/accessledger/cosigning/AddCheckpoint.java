package io.accessledger.cosigning;

import io.accessledger.ledger.merkle.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The body of a C2SP {@code tlog-witness} {@code add-checkpoint} request: {@code "old N"}, one
 * base64 line per hash of the consistency proof from N to the checkpoint's size, an empty line,
 * then the checkpoint note exactly as the log stored it (its signature lines included).
 *
 * @param oldSize the size the witness is believed to hold (0: none)
 * @param proof the RFC 9162 consistency proof from {@code oldSize}; empty when it is 0
 * @param note the signed checkpoint note
 */
record AddCheckpoint(long oldSize, List<Digest> proof, String note) {
  /** The protocol's limit on proof lines. */
  static final int MAX_PROOF_LINES = 63;

  AddCheckpoint {
    if (oldSize < 0) {
      throw new IllegalArgumentException("old size must be >= 0, got " + oldSize);
    }
    proof = List.copyOf(proof);
    Objects.requireNonNull(note, "note");
    if (oldSize == 0 && !proof.isEmpty()) {
      throw new IllegalArgumentException("the proof from size 0 must be empty");
    }
    if (proof.size() > MAX_PROOF_LINES) {
      throw new IllegalArgumentException("a consistency proof has at most " + MAX_PROOF_LINES
          + " hashes, got " + proof.size());
    }
  }

  byte[] body() {
    StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
    for (Digest hash : proof) {
      body.append(hash.base64()).append('\n');
    }
    return body.append('\n').append(note).toString().getBytes(StandardCharsets.UTF_8);
  }
}
