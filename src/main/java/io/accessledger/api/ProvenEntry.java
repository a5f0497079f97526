package io.accessledger.api;

import java.util.List;

/**
 * One entry with its inclusion proof: {@code leaf} is the exact canonical leaf text (hash its UTF-8
 * bytes with a 0x00 prefix to get {@code leafHash}), {@code proof} the RFC 9162 inclusion proof in
 * the tree of the answer's signed size, as lowercase hex.
 */
public record ProvenEntry(long seq, String leaf, String leafHash, List<String> proof) {
  public ProvenEntry {
    proof = List.copyOf(proof);
  }
}
