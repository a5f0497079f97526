package io.accessledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.ledger.Checkpoint;
import io.accessledger.ledger.CheckpointException;
import io.accessledger.ledger.Digest;
import io.accessledger.ledger.ProofException;
import io.accessledger.ledger.ProofVerifier;
import io.accessledger.ledger.SignedCheckpoint;
import io.accessledger.ledger.TreeHasher;
import io.accessledger.ledger.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an independent verifier does with an answer, using only the core's pure proof code: check the
 * checkpoint's signature with the published verifier key, re-hash each leaf, and check each
 * inclusion proof against the signed root.
 */
final class ClientSideChecks {
  private ClientSideChecks() {}

  static Checkpoint openCheckpoint(String note, String verifierKey)
      throws CheckpointException {
    return SignedCheckpoint.open(note, VerifierKey.parse(verifierKey));
  }

  /** Checks one {@code {"seq","leaf","leafHash","proof"}} against {@code checkpoint}. */
  static void checkEntry(JsonNode entry, Checkpoint checkpoint) throws ProofException {
    byte[] leaf = entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8);
    Digest hash = TreeHasher.leafHash(leaf);
    if (!hash.hex().equals(entry.path("leafHash").asText())) {
      throw new ProofException("leafHash of entry " + entry.path("seq") + " is not the leaf's hash");
    }
    ProofVerifier.verifyInclusion(
        entry.path("seq").asLong(), checkpoint.size(), hash, digests(entry.path("proof")),
        checkpoint.root());
  }

  /** Checks every entry of a history answer; returns the checkpoint they were checked against. */
  static Checkpoint checkHistory(JsonNode answer, String verifierKey)
      throws CheckpointException, ProofException {
    Checkpoint checkpoint = openCheckpoint(answer.path("checkpoint").asText(), verifierKey);
    if (checkpoint.size() != answer.path("treeSize").asLong()) {
      throw new ProofException("treeSize " + answer.path("treeSize") + " is not the signed size "
          + checkpoint.size());
    }
    for (JsonNode entry : answer.path("entries")) {
      checkEntry(entry, checkpoint);
    }
    return checkpoint;
  }

  static List<Digest> digests(JsonNode hexArray) {
    List<Digest> digests = new ArrayList<>();
    hexArray.forEach(h -> digests.add(Digest.fromHex(h.asText())));
    return digests;
  }
}
