package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.COMPLETENESS;
import static io.accessledger.evidence.BundleProblem.FORK;
import static io.accessledger.evidence.BundleProblem.LEAF_HASH;
import static io.accessledger.evidence.BundleProblem.MALFORMED;
import static io.accessledger.evidence.BundleProblem.NO_CONSISTENCY_PROOF;
import static io.accessledger.evidence.BundleProblem.OUT_OF_ORDER;
import static io.accessledger.evidence.BundleProblem.PROOF;
import static io.accessledger.evidence.BundleProblem.RELEASE;
import static io.accessledger.evidence.BundleProblem.REQUEST;
import static io.accessledger.evidence.BundleProblem.ROLLED_BACK;
import static io.accessledger.evidence.BundleProblem.SAVED_CHECKPOINT;
import static io.accessledger.evidence.BundleProblem.WRONG_KEY;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.accessledger.ledger.Checkpoint;
import io.accessledger.ledger.CheckpointException;
import io.accessledger.ledger.CompletenessStatement;
import io.accessledger.ledger.Digest;
import io.accessledger.ledger.HistoryChain;
import io.accessledger.ledger.LeafCodec;
import io.accessledger.ledger.LeafFormatException;
import io.accessledger.ledger.LedgerEntry;
import io.accessledger.ledger.ProofException;
import io.accessledger.ledger.ProofVerifier;
import io.accessledger.ledger.SignedCheckpoint;
import io.accessledger.ledger.SignedCompleteness;
import io.accessledger.ledger.TreeHasher;
import io.accessledger.ledger.VerifierKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an evidence bundle ({@link BundleFormat}) offline, trusting nothing but the verifier key
 * it is given: no database, no network, nothing the bundle says about itself.
 *
 * <p>In order, failing on the first problem with a {@link BundleException} that names it: the
 * bundle is well-formed and closed (no unknown fields); it names the given key; the checkpoint is
 * signed by the key; the completeness statement is signed by the key, about this history and this
 * tree; the request entry, every history entry and every release hash to their {@code leafHash}
 * and are included in the signed tree; the entries are in ascending order and form an unbroken
 * chain of their links ending at the statement's head; every {@code EXTRACT_SUBJECT} entry's
 * release is present and matches it; the request entry is the {@code AUDIT_QUERY} that asked for
 * exactly this bundle; each consistency proof shows the signed tree extends the checkpoint the log
 * signed at the earlier size; and, given a checkpoint the verifier saved earlier, that the log
 * extends it.
 */
public final class BundleVerifier {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.ALLOW_COMMENTS)
      .build();

  private BundleVerifier() {}

  /**
   * Verifies {@code bundle} against {@code key}, and with {@code saved} (a checkpoint note the
   * verifier kept from earlier, or null) that the log only grew since.
   *
   * @throws BundleException naming the first problem found
   */
  public static VerifiedBundle verify(byte[] bundle, VerifierKey key, String saved)
      throws BundleException {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(key, "key");
    JsonNode root = parse(bundle);
    exactFields(root, BundleFormat.FIELDS, "the bundle");
    if (!BundleFormat.FORMAT.equals(text(root, "format", "the bundle"))) {
      throw new BundleException(MALFORMED, "format is " + root.get("format") + ", want "
          + BundleFormat.FORMAT);
    }
    if (!key.name().equals(text(root, "origin", "the bundle"))
        || !key.toString().equals(text(root, "verifierKey", "the bundle"))) {
      throw new BundleException(WRONG_KEY, "the bundle names log " + root.get("origin")
          + " with key " + root.get("verifierKey") + "; you gave " + key);
    }
    String linkKey = text(root, "key", "the bundle");

    Checkpoint checkpoint;
    try {
      checkpoint = SignedCheckpoint.open(text(root, "checkpoint", "the bundle"), key);
    } catch (CheckpointException e) {
      throw new BundleException(CHECKPOINT, "checkpoint: " + e.getMessage(), e);
    }
    if (number(root, "treeSize", "the bundle") != checkpoint.size()) {
      throw new BundleException(CHECKPOINT, "treeSize " + root.get("treeSize")
          + " is not the signed tree size " + checkpoint.size());
    }
    CompletenessStatement statement;
    try {
      statement = SignedCompleteness.open(text(root, "completeness", "the bundle"), key);
    } catch (CheckpointException e) {
      throw new BundleException(COMPLETENESS, "completeness statement: " + e.getMessage(), e);
    }
    if (!statement.linkKey().equals(linkKey) || !statement.checkpoint().equals(checkpoint)) {
      throw new BundleException(COMPLETENESS, "the statement is about " + statement.linkKey()
          + " at tree size " + statement.treeSize() + ", the bundle about " + linkKey
          + " at tree size " + checkpoint.size());
    }

    LedgerEntry request = provenLeaf(root.get("request"), "the request entry", checkpoint);
    List<LedgerEntry> entries = history(array(root, "entries", "the bundle"), linkKey,
        statement.head(), checkpoint);
    Map<Long, LedgerEntry> releases =
        releases(array(root, "releases", "the bundle"), entries, checkpoint);
    List<Long> from = new ArrayList<>();
    Map<Long, Checkpoint> earlier =
        consistency(array(root, "consistency", "the bundle"), checkpoint, key, from);
    checkRequest(root, request, linkKey, from);
    Checkpoint savedCheckpoint = saved == null ? null : checkSaved(saved, key, checkpoint, earlier);
    return new VerifiedBundle(linkKey, checkpoint, statement, request, entries, releases, from,
        savedCheckpoint);
  }

  private static JsonNode parse(byte[] bundle) throws BundleException {
    try {
      JsonNode root = JSON.readTree(bundle);
      if (root == null || !root.isObject()) {
        throw new BundleException(MALFORMED, "the bundle is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new BundleException(MALFORMED, "not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JacksonException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
  }

  private static List<LedgerEntry> history(
      JsonNode entries, String linkKey, long head, Checkpoint checkpoint) throws BundleException {
    long previous = -1;
    for (JsonNode entry : entries) {
      long seq = number(entry, "seq", "an entry");
      if (seq <= previous) {
        throw new BundleException(OUT_OF_ORDER, "entry " + seq + " comes after entry " + previous
            + ": entries must be in ascending seq order, each once");
      }
      previous = seq;
    }
    HistoryChain chain = new HistoryChain(linkKey, -1);
    List<LedgerEntry> decoded = new ArrayList<>(entries.size());
    try {
      for (JsonNode entry : entries) {
        long seq = number(entry, "seq", "an entry");
        decoded.add(chain.next(seq, provenBytes(entry, "entry " + seq, checkpoint)));
      }
      chain.requireHead(head);
    } catch (HistoryChain.BrokenChainException e) {
      throw new BundleException(problem(e.kind()), e.getMessage(), e);
    }
    return decoded;
  }

  private static BundleProblem problem(HistoryChain.Break kind) {
    return switch (kind) {
      case BAD_LEAF -> BundleProblem.BAD_LEAF;
      case NOT_IN_HISTORY -> BundleProblem.NOT_IN_HISTORY;
      case OUT_OF_ORDER -> OUT_OF_ORDER;
      case GAP -> BundleProblem.GAP;
      case TRUNCATED -> BundleProblem.TRUNCATED;
    };
  }

  /**
   * Checks the releases: ascending, proven, each an {@code EXTRACT_RELEASE} that some
   * {@code EXTRACT_SUBJECT} entry points at, and every such pointer answered, with the subject
   * entry's id and position matching the release it names.
   */
  private static Map<Long, LedgerEntry> releases(
      JsonNode releases, List<LedgerEntry> entries, Checkpoint checkpoint) throws BundleException {
    Map<Long, LedgerEntry> bySeq = new TreeMap<>();
    long previous = -1;
    for (JsonNode node : releases) {
      long seq = number(node, "seq", "a release");
      if (seq <= previous) {
        throw new BundleException(RELEASE, "release " + seq + " comes after release " + previous
            + ": releases must be in ascending seq order, each once");
      }
      previous = seq;
      LedgerEntry release = provenLeaf(node, "release " + seq, checkpoint);
      if (!"EXTRACT_RELEASE".equals(release.event().get("type"))) {
        throw new BundleException(RELEASE, "entry " + seq + " is given as a release but is a "
            + release.event().get("type"));
      }
      bySeq.put(seq, release);
    }
    Set<Long> pointedAt = new HashSet<>();
    for (LedgerEntry entry : entries) {
      if (!"EXTRACT_SUBJECT".equals(entry.event().get("type"))) {
        continue;
      }
      Object releaseSeq = entry.event().get("release");
      LedgerEntry release = releaseSeq instanceof Long seq ? bySeq.get(seq) : null;
      if (release == null) {
        throw new BundleException(RELEASE, "entry " + entry.seq() + " is part of release "
            + releaseSeq + ", which the bundle does not carry");
      }
      long index = entry.seq() - release.seq() - 1;
      String expectedId = release.event().get("eventId") + "#" + index;
      Object count = release.event().get("subjectCount");
      if (!expectedId.equals(entry.event().get("eventId"))
          || !(count instanceof Long n) || index >= n
          || !release.source().equals(entry.source())) {
        throw new BundleException(RELEASE, "entry " + entry.seq() + " ("
            + entry.event().get("eventId") + ") is not subject " + index + " of release "
            + release.seq() + " (" + release.event().get("eventId") + ", " + count
            + " subjects)");
      }
      pointedAt.add(release.seq());
    }
    for (long seq : bySeq.keySet()) {
      if (!pointedAt.contains(seq)) {
        throw new BundleException(RELEASE, "release " + seq + " is carried but no entry of the"
            + " history is part of it");
      }
    }
    return bySeq;
  }

  /** Checks each consistency proof; returns the earlier checkpoints by size, filling {@code from}. */
  private static Map<Long, Checkpoint> consistency(
      JsonNode proofs, Checkpoint checkpoint, VerifierKey key, List<Long> from)
      throws BundleException {
    Map<Long, Checkpoint> earlier = new LinkedHashMap<>();
    for (JsonNode node : proofs) {
      exactFields(node, List.of("from", "checkpoint", "proof"), "a consistency proof");
      long size = number(node, "from", "a consistency proof");
      Checkpoint then;
      try {
        then = SignedCheckpoint.open(text(node, "checkpoint", "consistency from " + size), key);
      } catch (CheckpointException e) {
        throw new BundleException(CHECKPOINT, "the checkpoint at size " + size + ": "
            + e.getMessage(), e);
      }
      if (then.size() != size || earlier.containsKey(size)) {
        throw new BundleException(CHECKPOINT, "consistency from " + size + " carries a"
            + " checkpoint of size " + then.size() + (earlier.containsKey(size) ? ", twice" : ""));
      }
      try {
        ProofVerifier.verifyConsistency(size, checkpoint.size(),
            hashes(node, "consistency from " + size), then.root(), checkpoint.root());
      } catch (ProofException e) {
        throw new BundleException(PROOF, "the consistency proof from " + size + " to "
            + checkpoint.size() + " does not verify: " + e.getMessage(), e);
      }
      earlier.put(size, then);
      from.add(size);
    }
    return earlier;
  }

  /** Checks the request entry is the log's record of the request for exactly this bundle. */
  private static void checkRequest(
      JsonNode root, LedgerEntry request, String linkKey, List<Long> from)
      throws BundleException {
    Map<String, Object> event = request.event();
    if (!"AUDIT_QUERY".equals(event.get("type")) || !"ledger".equals(request.source())) {
      throw new BundleException(REQUEST, "entry " + request.seq() + " is not the log's record of"
          + " a query");
    }
    JsonNode by = root.get("requestedBy");
    if (by == null || !by.isObject()) {
      throw new BundleException(MALFORMED, "requestedBy is not an object");
    }
    exactFields(by, List.of("id", "role"), "requestedBy");
    // Sorted, as the canonical leaf prints: Map.of's order changes from one JVM to the next, and
    // the message must not.
    Map<String, Object> asked = new TreeMap<>();
    asked.put("id", text(by, "id", "requestedBy"));
    asked.put("role", text(by, "role", "requestedBy"));
    if (!asked.equals(event.get("actor"))
        || !text(root, "requestedAt", "the bundle").equals(event.get("occurredAt"))) {
      throw new BundleException(REQUEST, "the bundle says " + asked + " asked at "
          + root.get("requestedAt") + "; entry " + request.seq() + " records "
          + event.get("actor") + " at " + event.get("occurredAt"));
    }
    String[] parameter = BundleFormat.parameterFor(linkKey);
    Map<String, String> expected = new TreeMap<>();
    expected.put(parameter[0], parameter[1]);
    if (!from.isEmpty()) {
      expected.put("since", String.join(",", from.stream().map(String::valueOf).toList()));
    }
    Map<String, Object> query = new TreeMap<>();
    query.put("path", BundleFormat.PATH);
    query.put("parameters", expected);
    if (!query.equals(event.get("query"))) {
      throw new BundleException(REQUEST, "entry " + request.seq() + " records the query "
          + event.get("query") + ", not " + query);
    }
  }

  private static Checkpoint checkSaved(
      String saved, VerifierKey key, Checkpoint checkpoint, Map<Long, Checkpoint> earlier)
      throws BundleException {
    Checkpoint then;
    try {
      then = SignedCheckpoint.open(saved, key);
    } catch (CheckpointException e) {
      throw new BundleException(SAVED_CHECKPOINT, e.getMessage(), e);
    }
    if (then.size() > checkpoint.size()) {
      throw new BundleException(ROLLED_BACK, "you saved a checkpoint of " + then.size()
          + " entries; the bundle's log has only " + checkpoint.size());
    }
    if (then.size() == 0) {
      // Every tree extends the empty one, whose root is fixed; the log signs it on first start.
      if (!then.root().equals(TreeHasher.emptyRoot())) {
        throw new BundleException(FORK, "the saved checkpoint of the empty tree has the root "
            + then.root().base64() + ", not the empty tree's");
      }
      return then;
    }
    Checkpoint signed = then.size() == checkpoint.size() ? checkpoint : earlier.get(then.size());
    if (signed == null) {
      throw new BundleException(NO_CONSISTENCY_PROOF, "the bundle has no consistency proof from"
          + " size " + then.size() + "; ask for a bundle with since=" + then.size());
    }
    if (!signed.root().equals(then.root())) {
      throw new BundleException(FORK, "the log signed two different trees of size "
          + then.size() + ": root " + then.root().base64() + " (saved) and "
          + signed.root().base64() + " (this bundle)");
    }
    return then;
  }

  /** The leaf of a proven entry, decoded and checked to be the leaf of its seq. */
  private static LedgerEntry provenLeaf(JsonNode entry, String where, Checkpoint checkpoint)
      throws BundleException {
    if (entry == null || !entry.isObject()) {
      throw new BundleException(MALFORMED, where + " is not an object");
    }
    long seq = number(entry, "seq", where);
    byte[] leaf = provenBytes(entry, where, checkpoint);
    try {
      LedgerEntry decoded = LeafCodec.decode(leaf);
      if (decoded.seq() != seq) {
        throw new BundleException(BundleProblem.BAD_LEAF, where + " holds the leaf of seq "
            + decoded.seq());
      }
      return decoded;
    } catch (LeafFormatException e) {
      throw new BundleException(BundleProblem.BAD_LEAF, where + " is not a valid leaf: "
          + e.getMessage(), e);
    }
  }

  /** Checks an entry's leaf hash and inclusion proof; returns the leaf's bytes. */
  private static byte[] provenBytes(JsonNode entry, String where, Checkpoint checkpoint)
      throws BundleException {
    exactFields(entry, BundleFormat.ENTRY_FIELDS, where);
    long seq = number(entry, "seq", where);
    byte[] leaf = text(entry, "leaf", where).getBytes(StandardCharsets.UTF_8);
    Digest hash = TreeHasher.leafHash(leaf);
    if (!hash.equals(hex(text(entry, "leafHash", where), where + " leafHash"))) {
      throw new BundleException(LEAF_HASH, where + ": the leaf hashes to " + hash.hex()
          + ", not " + entry.get("leafHash").asText());
    }
    try {
      ProofVerifier.verifyInclusion(seq, checkpoint.size(), hash, hashes(entry, where),
          checkpoint.root());
    } catch (ProofException e) {
      throw new BundleException(PROOF, where + ": inclusion proof in the tree of size "
          + checkpoint.size() + " does not verify: " + e.getMessage(), e);
    }
    return leaf;
  }

  private static List<Digest> hashes(JsonNode node, String where) throws BundleException {
    JsonNode proof = array(node, "proof", where);
    List<Digest> hashes = new ArrayList<>(proof.size());
    for (JsonNode hash : proof) {
      if (!hash.isTextual()) {
        throw new BundleException(MALFORMED, where + ": a proof hash is not a string");
      }
      hashes.add(hex(hash.asText(), where + " proof"));
    }
    return hashes;
  }

  /** 64 lowercase hex digits, nothing else. */
  private static Digest hex(String text, String where) throws BundleException {
    try {
      Digest digest = Digest.fromHex(text);
      if (digest.hex().equals(text)) {
        return digest;
      }
    } catch (IllegalArgumentException e) {
      // one message below
    }
    throw new BundleException(MALFORMED, where + ": not 64 lowercase hex digits: " + text);
  }

  private static void exactFields(JsonNode node, List<String> fields, String where)
      throws BundleException {
    if (!node.isObject()) {
      throw new BundleException(MALFORMED, where + " is not an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw new BundleException(MALFORMED, where + " has an unknown field \"" + name + "\"");
      }
    }
    for (String field : fields) {
      if (!node.has(field)) {
        throw new BundleException(MALFORMED, where + " has no field \"" + field + "\"");
      }
    }
  }

  private static String text(JsonNode node, String field, String where) throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new BundleException(MALFORMED, where + ": \"" + field + "\" is not a string");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field, String where) throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
        || value.asLong() < 0) {
      throw new BundleException(MALFORMED, where + ": \"" + field + "\" is not a whole number"
          + " of 0 or more");
    }
    return value.asLong();
  }

  private static JsonNode array(JsonNode node, String field, String where)
      throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new BundleException(MALFORMED, where + ": \"" + field + "\" is not an array");
    }
    return value;
  }
}
