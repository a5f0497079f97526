package io.accessledger.api;

import java.util.List;

/** {@code GET /v1/proofs/consistency}: the RFC 9162 proof that tree {@code to} extends tree {@code from}. */
public record ConsistencyAnswer(long from, long to, List<String> proof) {
  public ConsistencyAnswer {
    proof = List.copyOf(proof);
  }
}
