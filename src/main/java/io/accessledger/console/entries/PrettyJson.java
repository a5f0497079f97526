package io.accessledger.console.entries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A leaf laid out for reading: indented, keys in the leaf's (canonical, sorted) order. Only for
 * people: what is hashed and proven is the canonical text, which the page shows as well.
 */
final class PrettyJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();

  private PrettyJson() {}

  /** {@code json} indented; {@code json} itself if it does not parse (a damaged leaf is shown as stored). */
  static String of(String json) {
    try {
      return PRETTY.writeValueAsString(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      return json;
    }
  }
}
