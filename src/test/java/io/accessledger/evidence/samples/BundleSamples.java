package io.accessledger.evidence.samples;

import static io.accessledger.evidence.BundleProblem.FORK;
import static io.accessledger.evidence.BundleProblem.NO_CONSISTENCY_PROOF;
import static io.accessledger.evidence.BundleProblem.ROLLED_BACK;
import static io.accessledger.evidence.BundleProblem.SAVED_CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.WRONG_KEY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;

/**
 * Generates {@code src/test/resources/bundles/}: good bundles of every kind the format has (a
 * subject's, a member of staff's and a record's history; one with consistency proofs from earlier
 * trees; one of a history with no entries), the verifier keys, saved checkpoints for
 * {@code --since}, the doctored bundles of {@link SampleMutations}, and {@code cases.json}
 * pairing each with its outcome. Deterministic ({@link SampleLog}): the same bytes every time.
 */
final class BundleSamples {
  static final String LOG_KEY = "keys/log.vkey";
  static final String STRANGER_KEY = "keys/stranger.vkey";
  static final String SUBJECT = "good/subject.json";
  static final String SUBJECT_SINCE = "good/subject-since.json";
  static final String ACTOR = "good/actor.json";
  static final String RECORD = "good/record.json";
  static final String NO_ENTRIES = "good/subject-no-entries.json";
  static final String AT_9 = "checkpoints/at-9.txt";

  private BundleSamples() {}

  /** Every sample file by its path under {@code bundles/}, made in a fresh log in {@code work}. */
  static SortedMap<String, byte[]> generate(Path work) {
    SampleSet set = new SampleSet();
    try (SampleLog log = new SampleLog(work)) {
      SampleEvents.post(log);
      set.file(LOG_KEY, log.signer.verifierKey() + "\n");
      set.file(STRANGER_KEY, log.stranger.verifierKey() + "\n");
      good(set, SUBJECT, "a child's history: views, a share decision, an extract release",
          log.evidence(Map.of("subject", "c-1")));
      good(set, SUBJECT_SINCE, "the same history, proven to extend the trees of sizes 4 and 9",
          log.evidence(Map.of("subject", "c-1", "since", "4,9")));
      good(set, ACTOR, "a member of staff's history", log.evidence(Map.of("actor", "w-1")));
      good(set, RECORD, "a record's history",
          log.evidence(Map.of("record", "case-note/note-c-1")));
      good(set, NO_ENTRIES, "a history with no entries: the log signed that none names the key",
          log.evidence(Map.of("subject", "c-9")));
      checkpoints(set, log);
      SampleMutations.addAll(set, log);
      SampleCosignatures.addAll(set, log); // last: it appends, and the files above stay as they were
    }
    SampleRotations.addAll(set, work);
    return set.all();
  }

  /** Writes {@link #generate} into {@code dir}, replacing what was there. */
  static void writeAll(Path dir, Path work) throws IOException {
    SortedMap<String, byte[]> files = generate(work);
    if (Files.isDirectory(dir)) {
      try (var old = Files.walk(dir)) {
        for (Path file : old.filter(Files::isRegularFile).toList()) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }

  private static void good(SampleSet set, String path, String about, byte[] served) {
    set.file(path, SampleJson.write(SampleJson.read(served)));
    set.expect("good-" + name(path), about, path, LOG_KEY, null, null);
  }

  /** Checkpoints an investigator may have saved, good and bad, and the cases that use them. */
  private static void checkpoints(SampleSet set, SampleLog log) {
    ObjectNode since = SampleJson.read(set.bytes(SUBJECT_SINCE));
    set.file(AT_9, since.path("consistency").get(1).path("checkpoint").asText());
    set.expect("saved-at-9", "a checkpoint of size 9 saved earlier; the bundle proves the log"
        + " extends it", SUBJECT_SINCE, LOG_KEY, AT_9, null);
    String current = SampleJson.read(set.bytes(SUBJECT)).path("checkpoint").asText();
    set.file("checkpoints/current.txt", current);
    set.expect("saved-same-tree", "the saved checkpoint is the bundle's own tree", SUBJECT,
        LOG_KEY, "checkpoints/current.txt", null);
    set.file("checkpoints/empty.txt",
        log.signer.sign(new Checkpoint(SampleLog.ORIGIN, 0, TreeHasher.emptyRoot())));
    set.expect("saved-empty-tree", "every tree extends the empty one: no proof needed", SUBJECT,
        LOG_KEY, "checkpoints/empty.txt", null);
    long size = Long.parseLong(current.split("\n")[1]);
    Digest other = Digest.of(new byte[Digest.LENGTH]);
    set.file("checkpoints/forked-at-9.txt",
        log.signer.sign(new Checkpoint(SampleLog.ORIGIN, 9, other)));
    set.file("checkpoints/false-empty.txt",
        log.signer.sign(new Checkpoint(SampleLog.ORIGIN, 0, other)));
    set.file("checkpoints/ahead.txt",
        log.signer.sign(new Checkpoint(SampleLog.ORIGIN, size + 10, other)));
    set.file("checkpoints/stranger-at-9.txt",
        log.stranger.sign(SampleEdits.opened(set.bytes(AT_9), log)));
    set.expect("saved-forked", "the log signed another tree of size 9 than the one saved",
        SUBJECT_SINCE, LOG_KEY, "checkpoints/forked-at-9.txt", FORK);
    set.expect("saved-false-empty", "a saved checkpoint of size 0 whose root is not the empty"
        + " tree's", SUBJECT, LOG_KEY, "checkpoints/false-empty.txt", FORK);
    set.expect("saved-ahead", "the saved checkpoint is of a larger tree: the log was rolled back",
        SUBJECT, LOG_KEY, "checkpoints/ahead.txt", ROLLED_BACK);
    set.expect("saved-by-stranger", "the saved checkpoint is not signed by the log's key",
        SUBJECT_SINCE, LOG_KEY, "checkpoints/stranger-at-9.txt", SAVED_CHECKPOINT);
    set.expect("saved-without-proof", "the bundle carries no consistency proof from the saved"
        + " size", SUBJECT, LOG_KEY, AT_9, NO_CONSISTENCY_PROOF);
    set.expect("wrong-key", "a good bundle checked with another log's key", SUBJECT,
        STRANGER_KEY, null, WRONG_KEY);
  }

  static String name(String path) {
    return path.substring(path.indexOf('/') + 1, path.lastIndexOf('.'));
  }
}
