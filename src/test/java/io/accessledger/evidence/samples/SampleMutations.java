package io.accessledger.evidence.samples;

import static io.accessledger.evidence.BundleProblem.GAP;
import static io.accessledger.evidence.BundleProblem.LEAF_HASH;
import static io.accessledger.evidence.BundleProblem.MALFORMED;
import static io.accessledger.evidence.BundleProblem.NOT_IN_HISTORY;
import static io.accessledger.evidence.BundleProblem.OUT_OF_ORDER;
import static io.accessledger.evidence.BundleProblem.PROOF;
import static io.accessledger.evidence.BundleProblem.RELEASE;
import static io.accessledger.evidence.BundleProblem.TRUNCATED;
import static io.accessledger.evidence.samples.SampleEdits.entries;
import static io.accessledger.evidence.samples.SampleEdits.entry;
import static io.accessledger.evidence.samples.SampleEdits.flipBit;
import static io.accessledger.evidence.samples.SampleEdits.otherHex;
import static io.accessledger.evidence.samples.SampleEdits.proof;
import static io.accessledger.evidence.samples.SampleEdits.proven;
import static io.accessledger.evidence.samples.SampleEdits.releases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.evidence.samples.SampleEdits.Editor;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The doctored bundles about the bundle's shape, its entries, their proofs and the releases, each
 * one named change to {@code good/subject.json} (entries 0, 2, 3, 6, 8 of c-1; release 4; the
 * request, entry 12; the tree of 13). The signed notes, the request and the consistency proofs
 * are {@link SampleForgeries}'.
 */
final class SampleMutations {
  private SampleMutations() {}

  static void addAll(SampleSet set, SampleLog log) {
    Editor subject = new Editor(set, BundleSamples.SUBJECT);
    malformed(subject);
    leaves(subject);
    proofs(subject, log);
    history(subject, log);
    extractReleases(subject, log);
    SampleForgeries.addAll(set, log);
  }

  private static void malformed(Editor b) {
    b.bytes("truncated-file", "the file cut off half way", MALFORMED,
        bytes -> Arrays.copyOf(bytes, bytes.length / 2));
    b.bytes("trailing-data", "a second JSON value after the bundle", MALFORMED,
        bytes -> (new String(bytes, StandardCharsets.UTF_8) + "{}\n")
            .getBytes(StandardCharsets.UTF_8));
    b.bytes("duplicate-field", "a second \"key\" field, naming another child", MALFORMED,
        bytes -> new String(bytes, StandardCharsets.UTF_8)
            .replaceFirst("\\{\n  \"format\"", "{\n  \"key\": \"subject:c-2\",\n  \"format\"")
            .getBytes(StandardCharsets.UTF_8));
    b.edit("unknown-field", "a field the format does not have", MALFORMED,
        t -> t.put("surprise", 1));
    b.edit("missing-field", "no \"releases\" field", MALFORMED, t -> t.remove("releases"));
    b.edit("unknown-version", "format access-ledger/evidence/v2", MALFORMED,
        t -> t.put("format", "access-ledger/evidence/v2"));
    b.edit("leaf-hash-uppercase", "a leafHash in upper-case hex", MALFORMED, t -> entry(t, 1)
        .put("leafHash", entry(t, 1).path("leafHash").asText().toUpperCase(Locale.ROOT)));
    b.edit("proof-hash-short", "a proof hash one hex digit short", MALFORMED, t -> {
      String hash = proof(entry(t, 1)).get(0).asText();
      proof(entry(t, 1)).set(0, hash.substring(1));
    });
    b.edit("seq-negative", "an entry's seq is -1", MALFORMED, t -> entry(t, 0).put("seq", -1));
    b.edit("requested-by-without-role", "requestedBy has no role", MALFORMED,
        t -> ((ObjectNode) t.path("requestedBy")).remove("role"));
  }

  private static void leaves(Editor b) {
    b.edit("leaf-bit-flipped", "one bit of entry 2's leaf flipped (case work: case vork)",
        LEAF_HASH, t -> entry(t, 1).put("leaf", flipBit(entry(t, 1).path("leaf").asText(),
            "work")));
    b.edit("leaf-hash-altered", "entry 2's leafHash altered", LEAF_HASH,
        t -> entry(t, 1).put("leafHash", otherHex(entry(t, 1).path("leafHash").asText())));
    b.edit("request-leaf-bit-flipped", "one bit of the request entry's leaf flipped (dpo: epo)",
        LEAF_HASH, t -> ((ObjectNode) t.path("request")).put("leaf",
            flipBit(t.path("request").path("leaf").asText(), "dpo")));
    b.edit("release-leaf-bit-flipped", "one bit of release 4's leaf flipped", LEAF_HASH,
        t -> ((ObjectNode) releases(t).get(0)).put("leaf",
            flipBit(releases(t).get(0).path("leaf").asText(), "evaluation")));
  }

  private static void proofs(Editor b, SampleLog log) {
    b.edit("leaf-and-hash-replaced", "entry 2's leaf changed and its leafHash made to match it",
        PROOF, t -> {
          String leaf = flipBit(entry(t, 1).path("leaf").asText(), "work");
          entry(t, 1).put("leaf", leaf);
          entry(t, 1).put("leafHash",
              TreeHasher.leafHash(leaf.getBytes(StandardCharsets.UTF_8)).hex());
        });
    b.edit("proof-hash-altered", "a hash of entry 2's inclusion proof altered", PROOF,
        t -> proof(entry(t, 1)).set(0, otherHex(proof(entry(t, 1)).get(0).asText())));
    b.edit("proof-truncated", "the last hash of entry 2's inclusion proof left out", PROOF,
        t -> proof(entry(t, 1)).remove(proof(entry(t, 1)).size() - 1));
    b.edit("proof-extended", "a hash added to entry 2's inclusion proof", PROOF,
        t -> proof(entry(t, 1)).add(proof(entry(t, 1)).get(0).asText()));
    b.edit("proof-from-older-tree", "entry 2 with its proof in the tree of size 3", PROOF,
        t -> entry(t, 1).set("proof", proven(log, 2, 3).path("proof")));
    b.edit("leaf-index-wrong", "entry 0 presented as entry 1", PROOF,
        t -> entry(t, 0).put("seq", 1));
    b.edit("request-proof-truncated", "the first hash of the request's proof left out", PROOF,
        t -> proof((ObjectNode) t.path("request")).remove(0));
    b.edit("release-proof-altered", "a hash of release 4's proof altered", PROOF, t -> {
      ObjectNode release = (ObjectNode) releases(t).get(0);
      proof(release).set(0, otherHex(proof(release).get(0).asText()));
    });
  }

  private static void history(Editor b, SampleLog log) {
    long size = b.tree().path("treeSize").asLong();
    b.edit("entry-removed", "entry 3 left out of the history", GAP, t -> entries(t).remove(2));
    b.edit("first-entry-removed", "entry 0 left out of the history", GAP,
        t -> entries(t).remove(0));
    b.edit("last-entry-removed", "entry 8, the latest, left out of the history", TRUNCATED,
        t -> entries(t).remove(entries(t).size() - 1));
    b.edit("entries-reordered", "entries 2 and 3 swapped", OUT_OF_ORDER, t -> {
      JsonNode second = entries(t).remove(1);
      entries(t).insert(2, second);
    });
    b.edit("entry-repeated", "entry 2 given twice", OUT_OF_ORDER,
        t -> entries(t).insert(1, entry(t, 1).deepCopy()));
    b.edit("extra-entry", "entry 1, about c-2, proven in the same tree and added in order",
        NOT_IN_HISTORY, t -> entries(t).insert(1, proven(log, 1, size)));
  }

  private static void extractReleases(Editor b, SampleLog log) {
    long size = b.tree().path("treeSize").asLong();
    b.edit("release-removed", "release 4, which entry 6 is part of, left out", RELEASE,
        t -> releases(t).removeAll());
    b.edit("release-unrelated", "release 10, proven but no entry of the history part of it",
        RELEASE, t -> releases(t).add(proven(log, 10, size)));
    b.edit("release-not-a-release", "entry 9, a view, given as a release", RELEASE,
        t -> releases(t).add(proven(log, 9, size)));
  }
}
