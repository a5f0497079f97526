package io.accessledger.query;

import io.accessledger.api.ApiException;
import io.accessledger.events.EventValidator;
import io.accessledger.ledger.leaf.LinkKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked request for an evidence bundle: exactly one of {@code subject=ID}, {@code actor=ID} or
 * {@code record=TYPE/ID} (split at the first slash), and optionally {@code since}, a
 * comma-separated list of up to 16 earlier tree sizes to prove consistency from.
 */
public record EvidenceRequest(String linkKey, List<Long> since) {
  /** The parameters the endpoint takes. */
  public static final Set<String> PARAMETERS = Set.of("subject", "actor", "record", "since");

  private static final int MAX_SINCE = 16;

  public EvidenceRequest {
    since = List.copyOf(since);
  }

  /**
   * Reads the request from its query parameters (each given at most once).
   *
   * @throws ApiException 400 naming what is missing or malformed
   */
  public static EvidenceRequest parse(Map<String, String> parameters) {
    List<String> keys = new ArrayList<>();
    for (String name : List.of("subject", "actor", "record")) {
      if (parameters.containsKey(name)) {
        keys.add(name);
      }
    }
    if (keys.size() != 1) {
      throw ApiException.malformed("give exactly one of subject, actor or record; got "
          + (keys.isEmpty() ? "none" : String.join(" and ", keys)));
    }
    String name = keys.get(0);
    String value = parameters.get(name);
    if (value.isEmpty()) {
      throw ApiException.malformed(name + " must not be empty");
    }
    // Ids are as events carry them (contract section 4): nothing else can name a history, and a
    // control character could forge lines in the report a verifier prints.
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.malformed(name + " must not contain control characters");
    }
    String linkKey;
    if (name.equals("record")) {
      int slash = value.indexOf('/');
      if (slash <= 0 || slash == value.length() - 1) {
        throw ApiException.malformed("record must be TYPE/ID, got " + value);
      }
      String type = value.substring(0, slash);
      String id = value.substring(slash + 1);
      checkLength(name, type);
      checkLength(name, id);
      linkKey = LinkKeys.recordKey(type, id);
    } else {
      checkLength(name, value);
      linkKey = name.equals("subject") ? LinkKeys.subjectKey(value) : LinkKeys.actorKey(value);
    }
    return new EvidenceRequest(linkKey, since(parameters.get("since")));
  }

  private static void checkLength(String name, String id) {
    if (id.codePointCount(0, id.length()) > EventValidator.MAX_ID_CHARS) {
      throw ApiException.malformed(name + " must be at most " + EventValidator.MAX_ID_CHARS
          + " characters" + (name.equals("record") ? " each for TYPE and ID" : ""));
    }
  }

  private static List<Long> since(String text) {
    if (text == null) {
      return List.of();
    }
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_SINCE) {
      throw ApiException.malformed("since names " + parts.length + " tree sizes; at most "
          + MAX_SINCE);
    }
    List<Long> sizes = new ArrayList<>();
    for (String part : parts) {
      long size;
      try {
        size = Long.parseLong(part);
      } catch (NumberFormatException e) {
        size = 0;
      }
      if (size < 1 || !part.equals(Long.toString(size))) {
        throw ApiException.malformed("since must be tree sizes of 1 or more, comma-separated; got "
            + part);
      }
      if (sizes.contains(size)) {
        // The request is recorded as given and the bundle must match the record exactly.
        throw ApiException.malformed("since names the tree size " + size + " twice");
      }
      sizes.add(size);
    }
    return sizes;
  }
}
