package io.accessledger.store;

import java.util.HashMap;
import java.util.Map;

/**
 * A bounded map that keeps what is used often, at the cost of one or two hash lookups: entries
 * live in a young and an old generation, a hit in the old one moves the entry to the young one,
 * and when the young generation reaches half the capacity it becomes the old one (whatever was
 * old and not used since is dropped). So it never holds more than {@code capacity} entries, and an
 * entry used again before {@code capacity / 2 - 1} other keys have been added is never dropped.
 *
 * <p>It replaces access-ordered {@code LinkedHashMap}s on the writer's hot path, which relinked an
 * entry on every read and write: measured with {@code scripts/bench}, about a tenth of the
 * writer's time went to that. Not thread-safe.
 *
 * <p>It holds what its user puts in it; each user says why a value stays right when other nodes
 * append to a shared store (the writer's link heads are cleared whenever its tail is reloaded; a
 * link key's id never changes once committed).
 */
public final class GenerationalCache<K, V> {
  private final int generationSize;
  private Map<K, V> young;
  private Map<K, V> old;

  /** @param capacity the most entries held, at least 2 */
  public GenerationalCache(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("cache capacity must be >= 2, got " + capacity);
    }
    this.generationSize = capacity / 2;
    this.young = newGeneration();
    this.old = newGeneration();
  }

  /** The value cached for {@code key}, or null. */
  public V get(K key) {
    V value = young.get(key);
    if (value == null) {
      value = old.remove(key);
      if (value != null) {
        put(key, value);
      }
    }
    return value;
  }

  /** Caches {@code value} for {@code key}, replacing any value cached before. */
  public void put(K key, V value) {
    if (young.put(key, value) == null) {
      old.remove(key);
      if (young.size() >= generationSize) {
        old = young;
        young = newGeneration();
      }
    }
  }

  /** How many entries are held (at most the capacity). */
  public int size() {
    return young.size() + old.size();
  }

  /** Drops everything. */
  public void clear() {
    young = newGeneration();
    old = newGeneration();
  }

  private Map<K, V> newGeneration() {
    // Sized so a full generation never rehashes, but never more than 64k buckets up front.
    return new HashMap<>(Math.min(generationSize * 4 / 3 + 1, 1 << 16));
  }
}
