package io.accessledger.evidence.samples;

import static io.accessledger.evidence.BundleProblem.CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.COSIGNATURE;
import static io.accessledger.evidence.BundleProblem.COSIGNED_FORK;
import static io.accessledger.evidence.BundleProblem.NO_COSIGNATURE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.evidence.BundleProblem;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.WitnessKey;
import io.accessledger.store.StoredCheckpoint;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The samples of bundles that carry a witness's cosignatures (the optional {@code cosigned}
 * field): a good one whose cosigned checkpoint is older than its tree, checked with and without
 * {@code --witness}; an older bundle and a stranger's key checked with {@code --witness}; and the
 * doctored ones, each one named change to it: the cosignatures removed, a cosignature from
 * another key of the witness's name, a flipped bit, a cosigned checkpoint the bundle's tree does
 * not extend, and one the log did not sign. Made last, after every other sample: it appends to the
 * log, and the samples made before stay byte for byte as they were.
 */
final class SampleCosignatures {
  static final String WITNESS_KEY = "keys/witness.vkey";
  static final String STRANGER_WITNESS_KEY = "keys/stranger-witness.vkey";
  static final String COSIGNED = "good/subject-cosigned.json";

  private SampleCosignatures() {}

  static WitnessKey witnessKey(byte[] file) {
    try {
      return WitnessKey.parse(new String(file, StandardCharsets.UTF_8).strip());
    } catch (CheckpointException e) {
      throw new IllegalStateException("not a witness key", e);
    }
  }

  static void addAll(SampleSet set, SampleLog log) {
    set.file(WITNESS_KEY, log.witness.key() + "\n");
    set.file(STRANGER_WITNESS_KEY, log.strangerWitness.key() + "\n");
    StoredCheckpoint cosigned = log.cosignLatest();
    set.file(COSIGNED, SampleJson.write(SampleJson.read(log.evidence(Map.of("subject", "c-1")))));
    List<String> witness = List.of(WITNESS_KEY);
    set.expect("good-subject-cosigned", "a child's history whose log's witness cosigned the tree"
        + " of " + cosigned.size() + " entries, which the bundle's tree extends", COSIGNED,
        BundleSamples.LOG_KEY, null, null, witness);
    set.expect("good-subject-cosigned-no-witness", "the same bundle checked without --witness:"
        + " the cosigned checkpoint is checked, its cosignature is not", COSIGNED,
        BundleSamples.LOG_KEY, null, null);
    set.expect("witness-older-bundle", "a bundle from before any cosignature, checked with"
        + " --witness", BundleSamples.SUBJECT, BundleSamples.LOG_KEY, null, NO_COSIGNATURE, witness);
    set.expect("witness-stranger", "a cosigned bundle checked with another witness's key of the"
        + " same name", COSIGNED, BundleSamples.LOG_KEY, null, NO_COSIGNATURE,
        List.of(STRANGER_WITNESS_KEY));

    doctored(set, "cosigned-removed", "no \"cosigned\" field", NO_COSIGNATURE,
        t -> t.remove("cosigned"));
    doctored(set, "cosignature-other-key", "the witness's cosignature replaced by one another key"
        + " of the same name made over the same checkpoint", NO_COSIGNATURE,
        t -> setNote(t, withLine(note(t), log.strangerWitness.sign(opened(t, log), SampleLog.START)
            .toString(), log)));
    doctored(set, "cosignature-bit-flipped", "one bit of the witness's signature flipped",
        COSIGNATURE, t -> setNote(t, flipLastByte(note(t))));
    doctored(set, "cosigned-inconsistent", "the cosigned checkpoint replaced by another tree of"
        + " its size, signed by the log and cosigned by the witness: the bundle's tree does not"
        + " extend it", COSIGNED_FORK, t -> {
          Checkpoint other = new Checkpoint(SampleLog.ORIGIN, cosigned.size(),
              Digest.of(new byte[Digest.LENGTH]));
          setNote(t, log.signer.sign(other) + log.witness.sign(other, SampleLog.START).line());
        });
    doctored(set, "cosigned-checkpoint-stranger", "the cosigned checkpoint signed by another"
        + " log's key instead", CHECKPOINT, t -> {
          Checkpoint same = opened(t, log);
          setNote(t, log.stranger.sign(same) + log.witness.sign(same, SampleLog.START).line());
        });
  }

  private static void doctored(SampleSet set, String name, String about, BundleProblem problem,
      Consumer<ObjectNode> change) {
    ObjectNode copy = SampleJson.read(set.bytes(COSIGNED));
    change.accept(copy);
    String path = "doctored/" + name + ".json";
    set.file(path, SampleJson.write(copy));
    set.expect(name, about + " (from " + COSIGNED + ")", path, BundleSamples.LOG_KEY, null,
        problem, List.of(WITNESS_KEY));
  }

  private static String note(ObjectNode bundle) {
    return bundle.path("cosigned").get(0).path("checkpoint").asText();
  }

  private static void setNote(ObjectNode bundle, String note) {
    ((ObjectNode) bundle.path("cosigned").get(0)).put("checkpoint", note);
  }

  private static Checkpoint opened(ObjectNode bundle, SampleLog log) {
    return SampleEdits.opened(note(bundle), log);
  }

  /** The log's signed note of {@code cosignedNote}, followed by {@code line} alone. */
  private static String withLine(String cosignedNote, String line, SampleLog log) {
    return log.signer.sign(SampleEdits.opened(cosignedNote, log)) + line + "\n";
  }

  /** {@code note} with the lowest bit of its last line's last signature byte flipped. */
  private static String flipLastByte(String note) {
    String body = note.substring(0, note.length() - 1);
    int lineStart = body.lastIndexOf('\n') + 1;
    String line = body.substring(lineStart);
    int space = line.lastIndexOf(' ');
    byte[] signature = Base64.getDecoder().decode(line.substring(space + 1));
    signature[signature.length - 1] ^= 1;
    return body.substring(0, lineStart) + line.substring(0, space + 1)
        + Base64.getEncoder().encodeToString(signature) + "\n";
  }
}
