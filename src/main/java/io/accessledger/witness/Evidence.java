package io.accessledger.witness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.notes.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Saves the evidence of an alarm: both signed checkpoints, verbatim, in a new JSON file next to
 * the state file, named {@code <state file>.evidence-<UTC time>-<kind>.json} (mode 0600, never
 * overwriting an earlier one), with the consistency proof the log gave, if any. Both notes verify
 * under the pinned key, so anyone holding that key can check that the log's key signed them. Two
 * roots for one size prove on their own that it signed two histories; a smaller size (rollback)
 * or a failed consistency proof are for people to investigate: an old checkpoint replayed on the
 * way looks like a rollback, and a log may yet produce a valid proof.
 */
final class Evidence {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Evidence() {}

  /**
   * Writes the evidence file and returns its path.
   *
   * @param consistency the proof the log served, or null when none was asked for
   * @throws IOException if it cannot be written; the caller still refuses, and prints both notes
   */
  static Path save(Path stateFile, WitnessExit kind, String summary, String log, VerifierKey key,
      Recorded recorded, String fetchedNote, Instant fetchedAt, List<Digest> consistency)
      throws IOException {
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("evidence", WitnessState.FORMAT);
    evidence.put("kind", kind.name().toLowerCase(Locale.ROOT));
    evidence.put("summary", summary);
    evidence.put("log", log);
    evidence.put("verifierKey", key.toString());
    evidence.put("detectedAt", fetchedAt.toString());
    evidence.put("recorded", Map.of(
        "checkedAt", recorded.checkedAt().toString(), "checkpoint", recorded.note()));
    evidence.put("fetched", Map.of("fetchedAt", fetchedAt.toString(), "checkpoint", fetchedNote));
    if (consistency != null) {
      evidence.put("consistencyProof", consistency.stream().map(Digest::base64).toList());
    }
    byte[] content;
    try {
      content = (JSON.writeValueAsString(evidence) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write evidence", e);
    }
    String base = stateFile.getFileName() + ".evidence-" + STAMP.format(fetchedAt) + "-"
        + kind.name().toLowerCase(Locale.ROOT);
    for (int attempt = 1; ; attempt++) {
      Path file = stateFile.resolveSibling(base + (attempt == 1 ? "" : "-" + attempt) + ".json");
      try {
        PrivateFiles.createNew(file, content);
        return file;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }
}
