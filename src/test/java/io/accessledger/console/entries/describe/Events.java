package io.accessledger.console.entries.describe;

import io.accessledger.entries.EventParser;
import io.accessledger.entries.LedgerEvent;
import io.accessledger.events.LegalBasisVocabulary;
import io.accessledger.ledger.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

/** Events as a leaf's {@code event} decodes, typed by the model, and the describer under test. */
final class Events {
  /** The shipped vocabulary, in the service's default zone. */
  static final EntryDescriber DESCRIBER =
      new EntryDescriber(LegalBasisVocabulary.shipped(), ZoneId.of("Europe/London"));

  private Events() {}

  @SuppressWarnings("unchecked")
  static LedgerEvent parse(String json) {
    return EventParser.parse(
        (Map<String, ?>) CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  static String describe(String json) {
    return DESCRIBER.describe(parse(json));
  }
}
