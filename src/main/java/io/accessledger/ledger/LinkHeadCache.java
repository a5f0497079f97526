package io.accessledger.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used map from link key to the latest {@code seq} naming it, in front of
 * the store's index. Bounded so the writer's memory stays flat however many people the log names;
 * a miss costs one indexed lookup. Owned by the single writer thread; not thread-safe.
 */
final class LinkHeadCache {
  private final LinkedHashMap<String, Long> heads;

  LinkHeadCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity must be >= 1, got " + capacity);
    }
    this.heads =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > capacity;
          }
        };
  }

  Long get(String key) {
    return heads.get(key);
  }

  void clear() {
    heads.clear();
  }

  void putAll(Map<String, Long> committed) {
    heads.putAll(committed);
  }
}
