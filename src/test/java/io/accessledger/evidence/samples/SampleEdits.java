package io.accessledger.evidence.samples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.api.EntryAnswer;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Small, exact edits of bundles and notes, for the doctored samples. */
final class SampleEdits {
  private SampleEdits() {}

  /** Makes doctored samples from copies of one good sample, {@code base}. */
  record Editor(SampleSet set, String base) {
    ObjectNode tree() {
      return SampleJson.read(set.bytes(base));
    }

    void edit(String name, String about, BundleProblem problem, Consumer<ObjectNode> change) {
      edit(name, about, BundleSamples.LOG_KEY, problem, change);
    }

    void edit(String name, String about, String keyFile, BundleProblem problem,
        Consumer<ObjectNode> change) {
      ObjectNode copy = tree();
      change.accept(copy);
      set.doctored(name, about, base, keyFile, problem, SampleJson.write(copy));
    }

    void bytes(String name, String about, BundleProblem problem, UnaryOperator<byte[]> change) {
      set.doctored(name, about, base, BundleSamples.LOG_KEY, problem,
          change.apply(set.bytes(base).clone()));
    }
  }

  static ArrayNode entries(ObjectNode bundle) {
    return (ArrayNode) bundle.path("entries");
  }

  static ArrayNode releases(ObjectNode bundle) {
    return (ArrayNode) bundle.path("releases");
  }

  static ObjectNode entry(ObjectNode bundle, int index) {
    return (ObjectNode) entries(bundle).get(index);
  }

  static ArrayNode proof(ObjectNode provenEntry) {
    return (ArrayNode) provenEntry.path("proof");
  }

  /** {@code text} with the lowest bit of the first character of {@code marker} in it flipped. */
  static String flipBit(String text, String marker) {
    int at = text.indexOf(marker);
    if (at < 0) {
      throw new IllegalStateException("no " + marker + " in " + text);
    }
    char[] chars = text.toCharArray();
    chars[at] ^= 1;
    return new String(chars);
  }

  /** 64 hex digits with the first one replaced by another: still well-formed, not the same. */
  static String otherHex(String hex) {
    return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
  }

  /**
   * {@code note} with one bit of its last signature flipped: the signature line is still
   * well-formed, names the same key, and is not a signature of the text.
   */
  static String badSignature(String note) {
    String trimmed = note.substring(0, note.length() - 1);
    int space = trimmed.lastIndexOf(' ');
    byte[] signature = Base64.getDecoder().decode(trimmed.substring(space + 1));
    signature[signature.length / 2] ^= 1;
    return trimmed.substring(0, space + 1) + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  /** The checkpoint a note of the sample log signs. */
  static Checkpoint opened(String note, SampleLog log) {
    try {
      return SignedCheckpoint.open(note, log.signer.verifierKey());
    } catch (CheckpointException e) {
      throw new IllegalStateException(e);
    }
  }

  static Checkpoint opened(byte[] note, SampleLog log) {
    return opened(new String(note, StandardCharsets.UTF_8), log);
  }

  /** Entry {@code seq} as a bundle carries it, proven in the tree of {@code treeSize}. */
  static ObjectNode proven(SampleLog log, long seq, long treeSize) {
    EntryAnswer entry = log.entry(seq, treeSize);
    ObjectNode proven = SampleJson.MAPPER.createObjectNode();
    proven.put("seq", entry.seq());
    proven.put("leaf", entry.leaf());
    proven.put("leafHash", entry.leafHash());
    ArrayNode proof = proven.putArray("proof");
    entry.proof().forEach(proof::add);
    return proven;
  }
}
