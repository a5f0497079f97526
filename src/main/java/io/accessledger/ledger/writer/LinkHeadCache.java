package io.accessledger.ledger.writer;

import io.accessledger.store.GenerationalCache;
import java.util.Map;

/**
 * A bounded map ({@link GenerationalCache}) from link key to the latest {@code seq} naming it, in
 * front of the store's index. Bounded so the writer's memory stays flat however many people the log names;
 * a miss costs one indexed lookup. Owned by the single writer thread; not thread-safe.
 *
 * <p>Its heads are right only for the tail this writer builds on: when another node appends, the
 * heads of the keys it named move on. So it is cleared whenever the tail is reloaded (another
 * node appended first, or a write failed); a batch built on a tail that has moved without this
 * writer noticing is refused by the store's fence, and built again on the reloaded tail.
 */
final class LinkHeadCache {
  private final GenerationalCache<String, Long> heads;

  LinkHeadCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity must be >= 1, got " + capacity);
    }
    this.heads = new GenerationalCache<>(Math.max(2, capacity));
  }

  Long get(String key) {
    return heads.get(key);
  }

  void clear() {
    heads.clear();
  }

  void putAll(Map<String, Long> committed) {
    committed.forEach(heads::put);
  }
}
