package io.accessledger.entries;

import io.accessledger.support.JsonValues;
import java.util.Map;
import java.util.function.Consumer;

/** The samples of {@link SampleEntries}, changed one field at a time and parsed. */
final class Samples {
  private Samples() {}

  /** Sample {@code seq}, parsed as it is. */
  @SuppressWarnings("unchecked")
  static <T extends LedgerEvent> T parsed(int seq) {
    return (T) EventParser.parse(SampleEntries.entry(seq));
  }

  /** Sample {@code seq} after {@code change} (given a mutable deep copy), parsed. */
  @SuppressWarnings("unchecked")
  static <T extends LedgerEvent> T parsed(int seq, Consumer<Map<String, Object>> change) {
    Map<String, Object> event =
        (Map<String, Object>) JsonValues.mutable(SampleEntries.entry(seq).event());
    change.accept(event);
    return (T) EventParser.parse(event);
  }

  /** The mutable object at {@code field} of {@code event}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> event, String field) {
    return (Map<String, Object>) event.get(field);
  }
}
