package io.accessledger.witness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.ProofException;
import io.accessledger.ledger.merkle.ProofVerifier;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointException;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.notes.VerifierKeys;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The witness's state file, read and checked: JSON Lines, UTF-8, every line ending with a newline.
 *
 * <pre>
 * {"witness":"access-ledger-witness/v1","origin":O,"verifierKey":K,"pinnedAt":T,"pinnedFrom":S}
 * {"checkedAt":T,"checkpoint":NOTE,"consistency":[base64 hash, …]}
 * …
 * </pre>
 *
 * <p>A witness given several keys ({@code --key} repeated) also writes {@code "verifierKeys":[K,
 * …]} in the first line: every trusted key, the pinned {@code verifierKey} first, all of one
 * origin. A first line without it (every state file written before keys were sets) trusts
 * {@code verifierKey} alone, so old state files load unchanged, and a single-key witness still
 * writes exactly the old first line.
 *
 * <p>The first line pins the log's verifier key ({@code origin} is its name, the checkpoints'
 * origin line; {@code pinnedFrom} says whether it came from {@code --key} or was taken on first
 * use). Each later line is one signed checkpoint as served, the time it was checked, and the
 * consistency proof from the line before (empty on the first checkpoint line, or after an empty
 * tree). A line is appended only when the log's checkpoint changed.
 *
 * <p>{@link #parse} accepts a state only if every line is as above (no unknown, missing or
 * repeated field, no line cut short), every checkpoint verifies under the pinned key, sizes never
 * decrease, a repeated size has the same root, and every stored consistency proof verifies between
 * its line and the one before. So a state file that was edited, truncated mid-line or spliced is
 * refused before it can be trusted, and the file as a whole is evidence anyone can re-check.
 */
final class WitnessState {
  static final String FORMAT = "access-ledger-witness/v1";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> HEADER_FIELDS =
      Set.of("witness", "origin", "verifierKey", "pinnedAt", "pinnedFrom");
  private static final Set<String> HEADER_FIELDS_WITH_KEYS = Set.of(
      "witness", "origin", "verifierKey", "verifierKeys", "pinnedAt", "pinnedFrom");
  private static final Set<String> LINE_FIELDS = Set.of("checkedAt", "checkpoint", "consistency");

  private final VerifierKeys keys;
  private final String pinnedFrom;
  private final Recorded last;
  private final Map<Long, Recorded> bySize;

  private WitnessState(
      VerifierKeys keys, String pinnedFrom, Recorded last, Map<Long, Recorded> bySize) {
    this.keys = keys;
    this.pinnedFrom = pinnedFrom;
    this.last = last;
    this.bySize = bySize;
  }

  /** The pinned verifier key: the first of {@link #keys}. */
  VerifierKey key() {
    return keys.keys().get(0);
  }

  /** Every trusted verifier key, the pinned one first; a checkpoint signed by any of them counts. */
  VerifierKeys keys() {
    return keys;
  }

  /** Where the pinned key came from, as recorded. */
  String pinnedFrom() {
    return pinnedFrom;
  }

  /** The last recorded checkpoint, or null if none was recorded yet. */
  Recorded last() {
    return last;
  }

  /**
   * The checkpoint recorded at tree size {@code size} (without its consistency proof), or null:
   * a rollback to a size seen before can then be shown to be a fork as well.
   */
  Recorded recordedAt(long size) {
    return bySize.get(size);
  }

  /** The first line of a new state file, with its newline. */
  static String header(VerifierKeys keys, Instant pinnedAt, String pinnedFrom) {
    VerifierKey key = keys.keys().get(0);
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("witness", FORMAT);
    line.put("origin", key.name());
    line.put("verifierKey", key.toString());
    if (keys.keys().size() > 1) { // one key: exactly the first line of before
      line.put("verifierKeys", keys.keys().stream().map(VerifierKey::toString).toList());
    }
    line.put("pinnedAt", pinnedAt.toString());
    line.put("pinnedFrom", pinnedFrom);
    return write(line);
  }

  /** The line recording {@code recorded}, with its newline. */
  static String line(Recorded recorded) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("checkedAt", recorded.checkedAt().toString());
    line.put("checkpoint", recorded.note());
    line.put("consistency", recorded.consistency().stream().map(Digest::base64).toList());
    return write(line);
  }

  /**
   * Reads and checks a whole state file.
   *
   * @param name the file's name, for messages
   * @throws WitnessException (state) naming the file, the line and the problem
   */
  static WitnessState parse(String text, String name) throws WitnessException {
    if (text.isEmpty()) {
      throw corrupt(name, 1, "the file is empty; it should start with the pinned key");
    }
    String[] lines = text.split("\n", -1);
    if (!lines[lines.length - 1].isEmpty()) {
      throw corrupt(name, lines.length, "the last line is incomplete (no newline at its end): a run"
          + " may have been interrupted while appending; check that line and remove it to continue");
    }
    JsonNode header = object(lines[0], name, 1, HEADER_FIELDS, HEADER_FIELDS_WITH_KEYS);
    if (!FORMAT.equals(header.path("witness").asText())) {
      throw corrupt(name, 1, "\"witness\" must be \"" + FORMAT + "\"");
    }
    VerifierKey key;
    try {
      key = VerifierKey.parse(text(header, "verifierKey", name, 1));
    } catch (CheckpointException e) {
      throw corrupt(name, 1, "\"verifierKey\" is not a verifier key: " + e.getMessage());
    }
    if (!key.name().equals(text(header, "origin", name, 1))) {
      throw corrupt(name, 1, "\"origin\" is not the verifier key's name " + key.name());
    }
    VerifierKeys keys = header.has("verifierKeys") ? keys(header, key, name)
        : VerifierKeys.of(key);
    instant(header, "pinnedAt", name, 1);
    String pinnedFrom = text(header, "pinnedFrom", name, 1);
    Recorded last = null;
    Map<Long, Recorded> bySize = new HashMap<>();
    for (int i = 1; i < lines.length - 1; i++) {
      Recorded next = checkpointLine(lines[i], keys, name, i + 1);
      checkFollows(last, next, name, i + 1);
      bySize.putIfAbsent(next.checkpoint().size(),
          new Recorded(next.checkedAt(), next.note(), next.checkpoint(), List.of()));
      last = next;
    }
    return new WitnessState(keys, pinnedFrom, last, bySize);
  }

  /** The header's "verifierKeys": the pinned key first, then others of the same origin. */
  private static VerifierKeys keys(JsonNode header, VerifierKey pinned, String name)
      throws WitnessException {
    JsonNode array = header.path("verifierKeys");
    if (!array.isArray() || array.size() < 2) {
      throw corrupt(name, 1, "\"verifierKeys\" must be an array of two or more verifier keys");
    }
    List<VerifierKey> all = new ArrayList<>();
    for (JsonNode text : array) {
      try {
        all.add(VerifierKey.parse(text.isTextual() ? text.asText() : ""));
      } catch (CheckpointException e) {
        throw corrupt(name, 1, "verifierKeys[" + all.size() + "] is not a verifier key: "
            + e.getMessage());
      }
      if (!all.get(all.size() - 1).name().equals(pinned.name())) {
        throw corrupt(name, 1, "verifierKeys[" + (all.size() - 1) + "] is not named after the"
            + " origin " + pinned.name());
      }
    }
    if (!all.get(0).equals(pinned) || all.size() != VerifierKeys.of(all).keys().size()) {
      throw corrupt(name, 1, "\"verifierKeys\" must start with \"verifierKey\" and name each key"
          + " once");
    }
    return VerifierKeys.of(all);
  }

  private static Recorded checkpointLine(String text, VerifierKeys key, String name, int number)
      throws WitnessException {
    JsonNode line = object(text, name, number, LINE_FIELDS);
    Instant checkedAt = instant(line, "checkedAt", name, number);
    String note = text(line, "checkpoint", name, number);
    Checkpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.open(note, key);
    } catch (CheckpointException e) {
      throw corrupt(name, number, "its checkpoint does not verify under the pinned key "
          + key + ": " + e.getMessage());
    }
    if (checkpoint.size() == 0 && !checkpoint.root().equals(TreeHasher.emptyRoot())) {
      throw corrupt(name, number, "its checkpoint of the empty tree has another root than the"
          + " empty tree's");
    }
    JsonNode proof = line.path("consistency");
    if (!proof.isArray()) {
      throw corrupt(name, number, "\"consistency\" must be an array of base64 hashes");
    }
    List<Digest> hashes = new ArrayList<>();
    for (JsonNode hash : proof) {
      try {
        hashes.add(Digest.fromBase64(hash.isTextual() ? hash.asText() : ""));
      } catch (IllegalArgumentException e) {
        throw corrupt(name, number, "consistency[" + hashes.size() + "] is not a base64 hash");
      }
    }
    return new Recorded(checkedAt, note, checkpoint, hashes);
  }

  /** Checks that {@code next} may follow {@code previous} in the file. */
  private static void checkFollows(Recorded previous, Recorded next, String name, int number)
      throws WitnessException {
    if (previous == null) {
      if (!next.consistency().isEmpty()) {
        throw corrupt(name, number, "a consistency proof on the first checkpoint, which has none");
      }
      return;
    }
    long m = previous.checkpoint().size();
    long n = next.checkpoint().size();
    if (n < m) {
      throw corrupt(name, number, "tree size " + n + " is smaller than the size " + m
          + " recorded on line " + (number - 1) + "; recorded sizes must never decrease");
    }
    if (n == m) {
      if (!next.checkpoint().equals(previous.checkpoint()) || !next.consistency().isEmpty()) {
        throw corrupt(name, number, "it records another root for tree size " + n + " than line "
            + (number - 1) + " (a fork the witness would never have written)");
      }
      return;
    }
    if (m == 0) {
      // Every tree extends the empty one; RFC 9162 has no proof for it.
      if (!next.consistency().isEmpty()) {
        throw corrupt(name, number, "a consistency proof from the empty tree, which has none");
      }
      return;
    }
    try {
      ProofVerifier.verifyConsistency(m, n, next.consistency(), previous.checkpoint().root(),
          next.checkpoint().root());
    } catch (ProofException e) {
      throw corrupt(name, number, "its consistency proof from size " + m + " (line " + (number - 1)
          + ") to size " + n + " does not verify: " + e.getMessage());
    }
  }

  /** The JSON object on line {@code number}, if its field names are exactly one of {@code allowed}. */
  @SafeVarargs
  private static JsonNode object(String text, String name, int number, Set<String>... allowed)
      throws WitnessException {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw corrupt(name, number, "not a JSON object: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw corrupt(name, number, "not a JSON object");
    }
    Set<String> got = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      got.add(it.next());
    }
    if (!List.of(allowed).contains(got)) {
      throw corrupt(name, number, "fields " + got + ", want " + new TreeSet<>(allowed[0]));
    }
    return node;
  }

  private static String text(JsonNode node, String field, String name, int number)
      throws WitnessException {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw corrupt(name, number, "\"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private static Instant instant(JsonNode node, String field, String name, int number)
      throws WitnessException {
    String text = text(node, field, name, number);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw corrupt(name, number, "\"" + field + "\" is not an RFC 3339 UTC time: " + text);
    }
  }

  private static String write(Map<String, Object> line) {
    try {
      // Jackson escapes every control character, so the note's newlines stay inside the line.
      return JSON.writeValueAsString(line) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a state line", e);
    }
  }

  private static WitnessException corrupt(String name, int number, String problem) {
    Objects.requireNonNull(problem);
    return new WitnessException(WitnessExit.STATE, "state file " + name + " is refused: line "
        + number + ": " + problem + ". Nothing was fetched or written; the file is unchanged.");
  }
}
