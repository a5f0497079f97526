package io.accessledger.evidence;

import static io.accessledger.evidence.BundleProblem.MALFORMED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.accessledger.ledger.merkle.Digest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The strict field readers of {@link BundleReader}: each returns the field with its type or throws
 * {@link BundleProblem#MALFORMED} naming where ({@code where}) and what is wrong.
 */
final class BundleJson {
  private BundleJson() {}

  /** {@code text} as JSON writes it (quoted, escaped): how messages show what a bundle said. */
  static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }

  /** Requires {@code node} to be an object with exactly {@code fields}, no more, no fewer. */
  static void exactFields(JsonNode node, List<String> fields, String where)
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

  /**
   * Requires {@code node} to be an object with every one of {@code fields}, and no field that is
   * neither one of them nor one of {@code optional}.
   */
  static void knownFields(JsonNode node, List<String> fields, List<String> optional, String where)
      throws BundleException {
    if (!node.isObject()) {
      throw new BundleException(MALFORMED, where + " is not an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name) && !optional.contains(name)) {
        throw new BundleException(MALFORMED, where + " has an unknown field \"" + name + "\"");
      }
    }
    for (String field : fields) {
      if (!node.has(field)) {
        throw new BundleException(MALFORMED, where + " has no field \"" + field + "\"");
      }
    }
  }

  static String text(JsonNode node, String field, String where) throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new BundleException(MALFORMED, where + ": \"" + field + "\" is not a string");
    }
    return value.asText();
  }

  /** A whole number of 0 or more that fits a {@code long}. */
  static long number(JsonNode node, String field, String where) throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
        || value.asLong() < 0) {
      throw new BundleException(MALFORMED, where + ": \"" + field + "\" is not a whole number"
          + " of 0 or more");
    }
    return value.asLong();
  }

  static JsonNode array(JsonNode node, String field, String where) throws BundleException {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new BundleException(MALFORMED, where + ": \"" + field + "\" is not an array");
    }
    return value;
  }

  /** The {@code proof} field of {@code node}: an array of hashes. */
  static List<Digest> hashes(JsonNode node, String where) throws BundleException {
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

  /** 64 lowercase hex digits, nothing else: one spelling per hash. */
  static Digest hex(String text, String where) throws BundleException {
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
}
