package io.accessledger.api;

import java.util.List;

/**
 * {@code GET /v1/entries/{seq}}: one entry, its inclusion proof in the tree of size
 * {@code treeSize}, and the signed checkpoint of that size.
 */
public record EntryAnswer(
    long seq, String leaf, String leafHash, long treeSize, List<String> proof, String checkpoint) {
  public EntryAnswer {
    proof = List.copyOf(proof);
  }
}
