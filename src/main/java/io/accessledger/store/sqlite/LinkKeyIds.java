package io.accessledger.store.sqlite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache of link key to its id in {@code link_keys}. The mapping never changes once
 * committed, so a cached id is always right; only committed ids are cached (a rolled-back
 * transaction's new ids are never added), and the bound keeps memory flat.
 */
final class LinkKeyIds {
  private final Map<String, Long> ids;

  LinkKeyIds(int capacity) {
    this.ids =
        new LinkedHashMap<>(1024, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<Long> get(String linkKey) {
    return Optional.ofNullable(ids.get(linkKey));
  }

  synchronized void putAll(Map<String, Long> committed) {
    ids.putAll(committed);
  }
}
