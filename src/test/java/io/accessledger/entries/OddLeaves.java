package io.accessledger.entries;

import io.accessledger.ledger.json.JsonNull;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.support.JsonValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every {@link SampleEntries} entry with one field, at the top or one level down, made odd in
 * every way a leaf ingest never passed could hold it: absent, blank, empty, JSON null, or a value
 * of each other JSON type. What reading old leaves must survive.
 */
public final class OddLeaves {
  private static final List<Object> ODD = List.of("", " ", "x", 5L, -1L, true, JsonNull.INSTANCE,
      List.of(), List.of(" ", 1L), Map.of(), Map.of("id", " "));

  private OddLeaves() {}

  /** Each odd variant, as an entry with the sample's {@code seq} and source. */
  public static List<LedgerEntry> all() {
    List<LedgerEntry> odd = new ArrayList<>();
    for (LedgerEntry sample : SampleEntries.all()) {
      for (String field : sample.event().keySet()) {
        for (Object value : variants()) {
          odd.add(changed(sample, field, null, value));
        }
        if (sample.event().get(field) instanceof Map<?, ?> child) {
          for (Object key : child.keySet()) {
            for (Object value : variants()) {
              odd.add(changed(sample, field, (String) key, value));
            }
          }
        }
      }
    }
    return odd;
  }

  /** The odd values, and {@code null} for "absent". */
  private static List<Object> variants() {
    List<Object> variants = new ArrayList<>(ODD);
    variants.add(null);
    return variants;
  }

  @SuppressWarnings("unchecked")
  private static LedgerEntry changed(LedgerEntry sample, String field, String key, Object value) {
    Map<String, Object> event = (Map<String, Object>) JsonValues.mutable(sample.event());
    Map<String, Object> at = key == null ? event : (Map<String, Object>) event.get(field);
    String name = key == null ? field : key;
    if (value == null) {
      at.remove(name);
    } else {
      at.put(name, value);
    }
    return new LedgerEntry(sample.seq(), event, Map.of(), Digest.ZERO, sample.receivedAt(),
        sample.source());
  }
}
