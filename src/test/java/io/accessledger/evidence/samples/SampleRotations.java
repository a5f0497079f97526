package io.accessledger.evidence.samples;

import static io.accessledger.evidence.BundleProblem.KEY_ROTATION;
import static io.accessledger.evidence.BundleProblem.PROOF;
import static io.accessledger.evidence.BundleProblem.WRONG_KEY;
import static io.accessledger.evidence.samples.SampleEdits.otherHex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.evidence.samples.SampleEdits.Editor;
import io.accessledger.ledger.notes.CheckpointSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The samples of a log that rotated its key (contract section 8): a bundle after one rotation
 * and one after two, each verified with the log's first key alone ({@link BundleSamples#LOG_KEY})
 * and with the latest, and doctored ones whose chain of trust is broken: a rotation checkpoint
 * signed by the new key only (a new key that no old key announced), a rotation from a key not
 * given, a rotation not proven in the log, its checkpoint not shown to be a prefix, and the
 * rotations left out. Each comes from a log of its own, made as {@link SampleLog} makes them.
 */
final class SampleRotations {
  static final String ONCE = "good/rotated-once.json";
  static final String TWICE = "good/rotated-twice.json";
  static final String KEY_1 = "keys/rotated-1.vkey";
  static final String KEY_2 = "keys/rotated-2.vkey";
  /** {@code TestLedger#key} seeds of the keys the log rotates to. */
  static final int KEY_1_SEED = 0x42;
  static final int KEY_2_SEED = 0x43;

  private SampleRotations() {}

  static void addAll(SampleSet set, Path work) {
    CheckpointSigner first = SampleLog.signer(KEY_1_SEED);
    CheckpointSigner second = SampleLog.signer(KEY_2_SEED);
    set.file(KEY_1, first.verifierKey() + "\n");
    set.file(KEY_2, second.verifierKey() + "\n");
    try (SampleLog log = new SampleLog(directory(work, "rotated-once"))) {
      SampleEvents.post(log);
      log.rotate(first);
      postViews(log, "after-first");
      good(set, ONCE, log.evidence(Map.of("subject", "c-1")));
    }
    try (SampleLog log = new SampleLog(directory(work, "rotated-twice"))) {
      SampleEvents.post(log);
      log.rotate(first);
      postViews(log, "after-first");
      log.rotate(second);
      postViews(log, "after-second");
      good(set, TWICE, log.evidence(Map.of("subject", "c-1")));
    }
    set.expect("rotated-once-first-key", "signed by the log's second key, checked with its first"
        + " key alone: the rotation entry leads there", ONCE, BundleSamples.LOG_KEY, null, null);
    set.expect("rotated-once-new-key", "the same bundle checked with the key that signs it",
        ONCE, KEY_1, null, null);
    set.expect("rotated-twice-first-key", "signed by the log's third key, checked with its first"
        + " key alone: two rotations lead there", TWICE, BundleSamples.LOG_KEY, null, null);
    set.expect("rotated-twice-middle-key", "the same bundle checked with the second key",
        TWICE, KEY_1, null, null);
    set.expect("rotated-once-stranger-key", "checked with a key the log never had", ONCE,
        BundleSamples.STRANGER_KEY, null, KEY_ROTATION);
    doctored(new Editor(set, ONCE));
  }

  private static void doctored(Editor b) {
    b.edit("rotation-signed-by-new-key-only", "the rotation's checkpoint without the old key's"
        + " signature: a new key that no old key announced", KEY_ROTATION,
        t -> rotation(t).put("checkpoint", withoutLine(rotation(t).path("checkpoint").asText(),
            1)));
    b.edit("rotations-left-out", "the key rotations removed: the bundle is signed by a key not"
        + " given", WRONG_KEY, t -> t.remove("keyRotations"));
    b.edit("rotation-proof-altered", "a hash of the rotation entry's inclusion proof altered",
        PROOF, t -> ((ArrayNode) rotation(t).path("proof")).set(0,
            otherHex(rotation(t).path("proof").get(0).asText())));
    b.edit("rotation-consistency-altered", "a hash of the proof that the bundle's tree extends"
        + " the rotation's checkpoint altered", KEY_ROTATION,
        t -> ((ArrayNode) rotation(t).path("consistency")).set(0,
            otherHex(rotation(t).path("consistency").get(0).asText())));
    b.edit("rotation-from-another-key", "the rotation entry names the stranger's key as its old"
        + " key", KEY_ROTATION, t -> rotation(t).put("leaf", rotation(t).path("leaf").asText()
            .replaceFirst("\"oldKey\":\"[^\"]+\"", "\"oldKey\":\""
                + SampleLog.signer(SampleLog.STRANGER_KEY_SEED).verifierKey() + "\"")));
  }

  /** Three more views of c-1 and c-2, one minute apart, so that the transition ends. */
  private static void postViews(SampleLog log, String prefix) {
    log.post(SampleEvents.view(prefix + "-1", "c-1", "w-1", "2026-03-02T10:00:00Z", ""));
    log.post(SampleEvents.view(prefix + "-2", "c-2", "w-2", "2026-03-02T10:01:00Z", ""));
    log.post(SampleEvents.view(prefix + "-3", "c-1", "w-2", "2026-03-02T10:02:00Z", ""));
    log.post(SampleEvents.view(prefix + "-4", "c-1", "w-1", "2026-03-02T10:03:00Z", ""));
  }

  private static Path directory(Path work, String name) {
    try {
      return Files.createDirectories(work.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void good(SampleSet set, String path, byte[] served) {
    set.file(path, SampleJson.write(SampleJson.read(served)));
  }

  private static ObjectNode rotation(ObjectNode bundle) {
    return (ObjectNode) bundle.path("keyRotations").get(0);
  }

  /** {@code note} without its {@code index}th signature line (0 is the first). */
  private static String withoutLine(String note, int index) {
    int split = note.lastIndexOf("\n\n");
    String[] lines = note.substring(split + 2).split("\n");
    StringBuilder kept = new StringBuilder(note.substring(0, split + 2));
    for (int i = 0; i < lines.length; i++) {
      if (i != index) {
        kept.append(lines[i]).append('\n');
      }
    }
    return kept.toString();
  }
}
