package io.accessledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.accessledger.ledger.leaf.HistoryChain;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.CompletenessStatement;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.SignedCompleteness;
import io.accessledger.ledger.notes.VerifierKey;
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
    CompletenessStatement statement = openCompleteness(answer, checkpoint, verifierKey);
    if (!statement.linkKey().equals(answer.path("key").asText())) {
      throw new ProofException("the completeness statement is about " + statement.linkKey()
          + ", the answer about " + answer.path("key").asText());
    }
    return checkpoint;
  }

  /** The answer's completeness statement, checked to be signed and about its checkpoint's tree. */
  static CompletenessStatement openCompleteness(
      JsonNode answer, Checkpoint checkpoint, String verifierKey)
      throws CheckpointException, ProofException {
    CompletenessStatement statement = SignedCompleteness.open(
        answer.path("completeness").asText(), VerifierKey.parse(verifierKey));
    if (!statement.checkpoint().equals(checkpoint)) {
      throw new ProofException("the completeness statement speaks of another tree");
    }
    return statement;
  }

  /**
   * Checks that unfiltered pages of one history, in order, are the whole chain of their key up to
   * the head the last page's statement names; returns the number of entries.
   */
  static int checkCompleteHistory(List<JsonNode> pages, String verifierKey) throws Exception {
    HistoryChain chain = new HistoryChain(pages.get(0).path("key").asText(), -1);
    JsonNode last = null;
    for (JsonNode page : pages) {
      checkHistory(page, verifierKey);
      for (JsonNode entry : page.path("entries")) {
        chain.next(entry.path("seq").asLong(),
            entry.path("leaf").asText().getBytes(StandardCharsets.UTF_8));
      }
      last = page;
    }
    Checkpoint checkpoint = openCheckpoint(last.path("checkpoint").asText(), verifierKey);
    chain.requireHead(openCompleteness(last, checkpoint, verifierKey).head());
    return chain.length();
  }

  static List<Digest> digests(JsonNode hexArray) {
    List<Digest> digests = new ArrayList<>();
    hexArray.forEach(h -> digests.add(Digest.fromHex(h.asText())));
    return digests;
  }
}
