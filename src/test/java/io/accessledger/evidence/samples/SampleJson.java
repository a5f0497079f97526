package io.accessledger.evidence.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON for the sample files: parsed as written, and written indented with {@code \n} line ends on
 * every platform (the system line separator would make regenerated files differ by machine), so a
 * doctored sample differs from its good one in the lines that were changed.
 */
final class SampleJson {
  static final JsonMapper MAPPER = new JsonMapper();
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withObjectIndenter(INDENT).withArrayIndenter(INDENT));

  private SampleJson() {}

  static ObjectNode read(byte[] json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code node} indented, ending in a newline. */
  static byte[] write(JsonNode node) {
    try {
      return (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
