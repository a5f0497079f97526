package io.accessledger.evidence.samples;

import static io.accessledger.evidence.BundleProblem.BAD_LEAF;
import static io.accessledger.evidence.BundleProblem.CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.COMPLETENESS;
import static io.accessledger.evidence.BundleProblem.PROOF;
import static io.accessledger.evidence.BundleProblem.REQUEST;
import static io.accessledger.evidence.BundleProblem.WRONG_KEY;
import static io.accessledger.evidence.samples.SampleEdits.badSignature;
import static io.accessledger.evidence.samples.SampleEdits.opened;
import static io.accessledger.evidence.samples.SampleEdits.otherHex;
import static io.accessledger.evidence.samples.SampleEdits.proof;
import static io.accessledger.evidence.samples.SampleEdits.proven;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.evidence.samples.SampleEdits.Editor;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CompletenessStatement;
import java.nio.charset.StandardCharsets;

/**
 * The doctored bundles about who signed what: the keys, the signed checkpoint and completeness
 * statement, the record of the request, the consistency proofs of {@code good/subject-since.json}
 * (from 4 and 9), and one bundle that only the log's own key could have made.
 */
final class SampleForgeries {
  private SampleForgeries() {}

  static void addAll(SampleSet set, SampleLog log) {
    Editor subject = new Editor(set, BundleSamples.SUBJECT);
    keysAndNotes(subject, log);
    request(subject, log);
    consistency(new Editor(set, BundleSamples.SUBJECT_SINCE), log);
    lyingLog(subject, log);
  }

  private static void keysAndNotes(Editor b, SampleLog log) {
    ObjectNode good = b.tree();
    Checkpoint tree = opened(good.path("checkpoint").asText(), log);
    b.edit("origin-changed", "the bundle names another log", WRONG_KEY,
        t -> t.put("origin", "elsewhere.example/log"));
    b.edit("names-stranger-key", "the bundle names a stranger's key and is checked with it; the"
        + " notes are still the log's", BundleSamples.STRANGER_KEY, CHECKPOINT,
        t -> t.put("verifierKey", log.stranger.verifierKey().toString()));
    b.edit("checkpoint-other-key", "the checkpoint's tree signed by a stranger's key under the"
        + " log's name", CHECKPOINT, t -> t.put("checkpoint", log.stranger.sign(tree)));
    b.edit("checkpoint-bad-signature", "one bit of the checkpoint's signature flipped",
        CHECKPOINT, t -> t.put("checkpoint", badSignature(t.path("checkpoint").asText())));
    b.edit("checkpoint-other-tree", "the checkpoint of another tree (size 15) signed by the log",
        CHECKPOINT, t -> t.put("checkpoint", SampleJson.read(
            b.set().bytes(BundleSamples.ACTOR)).path("checkpoint").asText()));
    b.edit("tree-size-wrong", "treeSize one more than the signed tree", CHECKPOINT,
        t -> t.put("treeSize", tree.size() + 1));
    b.edit("completeness-bad-signature", "one bit of the completeness statement's signature"
        + " flipped", COMPLETENESS,
        t -> t.put("completeness", badSignature(t.path("completeness").asText())));
    CompletenessStatement otherKey =
        new CompletenessStatement(tree.origin(), tree.size(), tree.root(), "subject:c-2", 5);
    b.edit("completeness-other-history", "a statement the log signed about subject:c-2 in the"
        + " same tree", COMPLETENESS, t -> t.put("completeness", log.signer.sign(otherKey)));
    b.edit("completeness-other-tree", "the statement about c-1 in a later tree (of the bundle"
        + " with since)", COMPLETENESS, t -> t.put("completeness", SampleJson.read(
            b.set().bytes(BundleSamples.SUBJECT_SINCE)).path("completeness").asText()));
  }

  private static void request(Editor b, SampleLog log) {
    long size = b.tree().path("treeSize").asLong();
    b.edit("requested-by-changed", "requestedBy names someone else than the request's record",
        REQUEST, t -> ((ObjectNode) t.path("requestedBy")).put("id", "someone-else"));
    b.edit("requested-at-changed", "requestedAt is not the time the request was recorded",
        REQUEST, t -> t.put("requestedAt", "2026-03-01T09:00:00.000Z"));
    b.edit("request-not-a-query", "entry 1, a view, given as the request's record", REQUEST,
        t -> t.set("request", proven(log, 1, size)));
  }

  private static void consistency(Editor b, SampleLog log) {
    b.edit("consistency-removed", "every consistency proof left out (the request asked for"
        + " since=4,9)", REQUEST, t -> ((ArrayNode) t.path("consistency")).removeAll());
    b.edit("consistency-proof-altered", "a hash of the proof from 9 altered", PROOF, t -> {
      ObjectNode from9 = (ObjectNode) t.path("consistency").get(1);
      proof(from9).set(0, otherHex(proof(from9).get(0).asText()));
    });
    b.edit("consistency-proof-truncated", "the last hash of the proof from 9 left out", PROOF,
        t -> {
          ArrayNode hashes = proof((ObjectNode) t.path("consistency").get(1));
          hashes.remove(hashes.size() - 1);
        });
    b.edit("consistency-checkpoint-swapped", "the proof from 9 carries the checkpoint of size 4",
        CHECKPOINT, t -> ((ObjectNode) t.path("consistency").get(1))
            .set("checkpoint", t.path("consistency").get(0).path("checkpoint")));
    b.edit("consistency-checkpoint-bad-signature", "one bit of the signature of the checkpoint"
        + " at 9 flipped", CHECKPOINT, t -> {
          ObjectNode from9 = (ObjectNode) t.path("consistency").get(1);
          from9.put("checkpoint", badSignature(from9.path("checkpoint").asText()));
        });
    Digest otherRoot = Digest.of(new byte[Digest.LENGTH]);
    String fork = log.signer.sign(new Checkpoint(SampleLog.ORIGIN, 9, otherRoot));
    b.edit("consistency-checkpoint-forked", "the proof from 9 carries another tree of size 9"
        + " the log signed", PROOF,
        t -> ((ObjectNode) t.path("consistency").get(1)).put("checkpoint", fork));
    b.edit("consistency-repeated", "the proof from 9 given twice", CHECKPOINT,
        t -> ((ArrayNode) t.path("consistency")).set(0, t.path("consistency").get(1)));
  }

  /**
   * A tree of one leaf, the real leaf of the request (entry 12), with a checkpoint and statement
   * the log's key signed: the leaf hashes and proves as entry 0, yet it is the leaf of another seq.
   * Only the log itself could make this bundle; it is refused all the same.
   */
  private static void lyingLog(Editor b, SampleLog log) {
    String leaf = b.tree().path("request").path("leaf").asText();
    Digest hash = TreeHasher.leafHash(leaf.getBytes(StandardCharsets.UTF_8));
    b.edit("log-signed-misplaced-leaf", "a tree of one entry, signed by the log's key, whose"
        + " only leaf is the leaf of entry 12", BAD_LEAF, t -> {
          ObjectNode request = (ObjectNode) t.path("request");
          request.put("seq", 0);
          request.putArray("proof");
          t.put("treeSize", 1);
          t.put("checkpoint", log.signer.sign(new Checkpoint(SampleLog.ORIGIN, 1, hash)));
          t.put("completeness", log.signer.sign(
              new CompletenessStatement(SampleLog.ORIGIN, 1, hash, "subject:c-1", -1)));
          t.putArray("consistency");
          t.putArray("entries");
          t.putArray("releases");
        });
  }
}
