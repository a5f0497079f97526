package io.accessledger.store.sqlite;

import io.accessledger.store.GenerationalCache;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache of link key to its id in {@code link_keys}. The mapping never changes once
 * committed, so a cached id is always right; only committed ids are cached (a rolled-back
 * transaction's new ids are never added), and the bound keeps memory flat. It never holds an
 * absence: a key another pool (another node) stored since is found in the table on a miss.
 */
final class LinkKeyIds {
  private final GenerationalCache<String, Long> ids;

  LinkKeyIds(int capacity) {
    this.ids = new GenerationalCache<>(capacity);
  }

  synchronized Optional<Long> get(String linkKey) {
    return Optional.ofNullable(ids.get(linkKey));
  }

  synchronized void putAll(Map<String, Long> committed) {
    committed.forEach(ids::put);
  }
}
