package io.accessledger.witness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.WitnessKey;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cosigning witness's record of the latest checkpoint it cosigned for one origin: one JSON
 * object in {@code <state dir>/<origin, URL-encoded>.cosigned.json}, mode 0600.
 *
 * <pre>
 * {"witness":"access-ledger-cosigning-witness/v1","origin":O,"cosignedAt":T,"size":N,
 *  "root":B64,"checkpoint":NOTE,"consistency":[B64…],"cosignatures":[LINE…]}
 * </pre>
 *
 * <p>{@code checkpoint} is the signed note as submitted, {@code consistency} the proof it came
 * with (from the size cosigned before), {@code cosignatures} the lines answered. Unlike the
 * watching witness's state file it holds only the latest checkpoint: tlog-witness asks a witness
 * to keep only that, and a log submitting every few seconds would otherwise grow it for ever.
 *
 * <p>Guarantees: {@link #save} returns only once the new record is on disk ({@code fsync} of the
 * file, then an atomic rename over the old one, then {@code fsync} of the directory), so a crash
 * leaves either the old record or the new one, never a mix. {@link #load} refuses a record that
 * is not exactly as above, whose note does not state its size and root, or whose cosignature from
 * {@code ownKey} does not verify over the note (an edited record).
 */
final class CosignedFile {
  static final String FORMAT = "access-ledger-cosigning-witness/v1";
  private static final long MAX_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> FIELDS = Set.of("witness", "origin", "cosignedAt", "size",
      "root", "checkpoint", "consistency", "cosignatures");
  private static final SecureRandom RANDOM = new SecureRandom();

  private CosignedFile() {}

  /** What the file records. */
  record Latest(Recorded recorded, List<String> cosignatures) {
    Latest {
      cosignatures = List.copyOf(cosignatures);
    }
  }

  /** The file for {@code origin} in {@code directory}. */
  static Path path(Path directory, String origin) {
    String encoded = URLEncoder.encode(origin, StandardCharsets.UTF_8)
        .replace("*", "%2A"); // '.' stays, but the suffix keeps "." and ".." from being names
    if (encoded.length() > 200) {
      encoded = "sha256-" + HexFormat.of().formatHex(
          TreeHasher.sha256(origin.getBytes(StandardCharsets.UTF_8)));
    }
    return directory.resolve(encoded + ".cosigned.json");
  }

  /**
   * The record at {@code file}, or null if there is none (nothing cosigned for that origin yet).
   *
   * @throws WitnessException (state) if it exists but is refused, saying why
   */
  static Latest load(Path file, String origin, WitnessKey ownKey) throws WitnessException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
        throw corrupt(file, "not a regular file of at most " + MAX_BYTES + " bytes");
      }
      JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        throw corrupt(file, "not a JSON object");
      }
      Set<String> got = new TreeSet<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        got.add(it.next());
      }
      if (!got.equals(FIELDS)) {
        throw corrupt(file, "fields " + got + ", want " + new TreeSet<>(FIELDS));
      }
      if (!FORMAT.equals(node.path("witness").asText()) || !origin.equals(text(node, "origin"))) {
        throw corrupt(file, "not the " + FORMAT + " record of origin " + origin);
      }
      Checkpoint checkpoint = new Checkpoint(origin, node.path("size").asLong(-1),
          Digest.fromBase64(text(node, "root")));
      String note = text(node, "checkpoint");
      String body = note.substring(0, note.lastIndexOf("\n\n") + 1);
      if (!node.path("size").isIntegralNumber() || !body.startsWith(checkpoint.body())) {
        throw corrupt(file, "its note does not state its size and root");
      }
      List<Digest> proof = new ArrayList<>();
      for (JsonNode hash : node.path("consistency")) {
        proof.add(Digest.fromBase64(hash.asText()));
      }
      List<String> lines = new ArrayList<>();
      for (JsonNode line : node.path("cosignatures")) {
        Cosignature cosignature = Cosignature.parse(line.asText());
        if (cosignature.isFrom(ownKey)) {
          cosignature.verify(body, ownKey);
        }
        lines.add(cosignature.line());
      }
      Instant at = Instant.parse(text(node, "cosignedAt"));
      return new Latest(new Recorded(at, note, checkpoint, proof), lines);
    } catch (IOException | RuntimeException | CheckpointException e) {
      throw corrupt(file, e.getMessage());
    }
  }

  /**
   * Replaces the record at {@code file} with {@code latest}, durably, before returning.
   *
   * @throws IOException if it cannot; the old record is then still in place
   */
  static void save(Path file, Latest latest) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    Recorded recorded = latest.recorded();
    object.put("witness", FORMAT);
    object.put("origin", recorded.checkpoint().origin());
    object.put("cosignedAt", recorded.checkedAt().toString());
    object.put("size", recorded.checkpoint().size());
    object.put("root", recorded.checkpoint().root().base64());
    object.put("checkpoint", recorded.note());
    object.put("consistency", recorded.consistency().stream().map(Digest::base64).toList());
    object.put("cosignatures", latest.cosignatures());
    byte[] content;
    try {
      content = (JSON.writeValueAsString(object) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the cosigned record", e);
    }
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    Path temporary = file.resolveSibling(
        "." + file.getFileName() + ".tmp-" + HexFormat.of().formatHex(nonce));
    try {
      try (FileChannel channel = FileChannel.open(temporary,
          EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
        PrivateFiles.writeFully(channel, content);
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private static WitnessException corrupt(Path file, String problem) {
    return new WitnessException(WitnessExit.STATE, "the cosigned record " + file
        + " is refused: " + problem + ". Nothing was cosigned; restore it from backup, or, if"
        + " the log's history is known otherwise, remove it to trust the next checkpoint anew");
  }
}
