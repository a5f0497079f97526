package io.accessledger.evidence;

import static io.accessledger.evidence.BundleJson.array;
import static io.accessledger.evidence.BundleJson.exactFields;
import static io.accessledger.evidence.BundleJson.hashes;
import static io.accessledger.evidence.BundleJson.hashesOf;
import static io.accessledger.evidence.BundleJson.hex;
import static io.accessledger.evidence.BundleJson.number;
import static io.accessledger.evidence.BundleJson.text;
import static io.accessledger.evidence.BundleProblem.MALFORMED;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the bytes of an evidence bundle ({@link BundleFormat}) into an {@link EvidenceBundle},
 * strictly, and checks nothing else: no key, signature, hash or proof (that is
 * {@link BundleVerifier}'s).
 *
 * <p>The bytes MUST be exactly one JSON object: no duplicate field, no comment, nothing after it.
 * It and every object in it MUST have exactly the format's fields (none unknown, none missing),
 * {@code format} MUST be {@value BundleFormat#FORMAT}, numbers MUST be whole and 0 or more, and
 * hashes MUST be 64 lowercase hex digits, so that every bundle has one reading. Anything else is
 * {@link BundleProblem#MALFORMED}, naming the first thing wrong.
 */
public final class BundleReader {
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonParser.Feature.ALLOW_COMMENTS)
      .build();
  private static final String BUNDLE = "the bundle";
  private static final String REQUEST = "the request entry";

  private BundleReader() {}

  /**
   * Reads {@code bundle}.
   *
   * @throws BundleException {@link BundleProblem#MALFORMED}, naming the first problem found
   */
  public static EvidenceBundle read(byte[] bundle) throws BundleException {
    Objects.requireNonNull(bundle, "bundle");
    JsonNode root = parse(bundle);
    exactFields(root, BundleFormat.FIELDS, BundleFormat.OPTIONAL_FIELDS, BUNDLE);
    if (!BundleFormat.FORMAT.equals(text(root, "format", BUNDLE))) {
      throw new BundleException(MALFORMED, "format is " + root.get("format") + ", want "
          + BundleFormat.FORMAT);
    }
    String origin = text(root, "origin", BUNDLE);
    String verifierKey = text(root, "verifierKey", BUNDLE);
    String linkKey = text(root, "key", BUNDLE);
    String checkpoint = text(root, "checkpoint", BUNDLE);
    long treeSize = number(root, "treeSize", BUNDLE);
    String completeness = text(root, "completeness", BUNDLE);
    BundleEntry request = request(root.get("request"));
    List<BundleEntry> entries = entries(array(root, "entries", BUNDLE));
    List<BundleEntry> releases = releases(array(root, "releases", BUNDLE));
    List<BundleConsistency> consistency = consistency(array(root, "consistency", BUNDLE));
    BundleRequester requestedBy = requester(root.get("requestedBy"));
    String requestedAt = text(root, "requestedAt", BUNDLE);
    List<BundleRotation> rotations = root.has("keyRotations")
        ? rotations(array(root, "keyRotations", BUNDLE)) : List.of();
    List<BundleCosigned> cosigned = root.has("cosigned")
        ? CosignedReader.read(array(root, "cosigned", BUNDLE)) : List.of();
    return new EvidenceBundle(origin, verifierKey, linkKey, requestedBy, requestedAt, request,
        treeSize, checkpoint, completeness, consistency, entries, releases, rotations,
        cosigned);
  }

  private static List<BundleRotation> rotations(JsonNode nodes) throws BundleException {
    List<BundleRotation> rotations = new ArrayList<>(nodes.size());
    for (JsonNode node : nodes) {
      exactFields(node, BundleFormat.ROTATION_FIELDS, "a key rotation");
      long seq = number(node, "seq", "a key rotation");
      String where = "the key rotation at " + seq;
      BundleEntry entry = new BundleEntry(seq, text(node, "leaf", where),
          hex(text(node, "leafHash", where), where + " leafHash"), hashes(node, where));
      rotations.add(new BundleRotation(entry, text(node, "checkpoint", where),
          hashesOf(array(node, "consistency", where), where + " consistency")));
    }
    return rotations;
  }

  private static JsonNode parse(byte[] bundle) throws BundleException {
    try {
      JsonNode root = JSON.readTree(bundle);
      if (root == null || !root.isObject()) {
        throw new BundleException(MALFORMED, "the bundle is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new BundleException(MALFORMED, "not valid JSON: "
          + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
  }

  private static BundleEntry request(JsonNode node) throws BundleException {
    if (node == null || !node.isObject()) {
      throw new BundleException(MALFORMED, REQUEST + " is not an object");
    }
    number(node, "seq", REQUEST);
    return entry(node, REQUEST);
  }

  /** Every entry's seq is read before any entry, so a bad one is named as "an entry". */
  private static List<BundleEntry> entries(JsonNode nodes) throws BundleException {
    for (JsonNode node : nodes) {
      number(node, "seq", "an entry");
    }
    List<BundleEntry> entries = new ArrayList<>(nodes.size());
    for (JsonNode node : nodes) {
      entries.add(entry(node, "entry " + node.get("seq").asLong()));
    }
    return entries;
  }

  private static List<BundleEntry> releases(JsonNode nodes) throws BundleException {
    List<BundleEntry> releases = new ArrayList<>(nodes.size());
    for (JsonNode node : nodes) {
      long seq = number(node, "seq", "a release");
      releases.add(entry(node, "release " + seq));
    }
    return releases;
  }

  /** A proven entry: exactly {@link BundleFormat#ENTRY_FIELDS}. */
  private static BundleEntry entry(JsonNode node, String where) throws BundleException {
    exactFields(node, BundleFormat.ENTRY_FIELDS, where);
    long seq = number(node, "seq", where);
    String leaf = text(node, "leaf", where);
    return new BundleEntry(seq, leaf, hex(text(node, "leafHash", where), where + " leafHash"),
        hashes(node, where));
  }

  private static List<BundleConsistency> consistency(JsonNode nodes) throws BundleException {
    List<BundleConsistency> proofs = new ArrayList<>(nodes.size());
    for (JsonNode node : nodes) {
      exactFields(node, List.of("from", "checkpoint", "proof"), "a consistency proof");
      long from = number(node, "from", "a consistency proof");
      String where = "consistency from " + from;
      proofs.add(new BundleConsistency(from, text(node, "checkpoint", where),
          hashes(node, where)));
    }
    return proofs;
  }

  private static BundleRequester requester(JsonNode node) throws BundleException {
    if (node == null || !node.isObject()) {
      throw new BundleException(MALFORMED, "requestedBy is not an object");
    }
    exactFields(node, List.of("id", "role"), "requestedBy");
    return new BundleRequester(text(node, "id", "requestedBy"), text(node, "role", "requestedBy"));
  }
}
