package io.accessledger.store.postgres;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.GenerationalCache;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of link keys, cached: a key's id never changes once stored (the table is append-only),
 * so a cached id is right on every node whoever stored it. Only ids read back from committed rows
 * are cached: an id made in an append that then rolls back is never remembered. Thread-safe.
 */
final class PostgresLinkKeys {
  private final GenerationalCache<String, Long> cache;

  PostgresLinkKeys(int capacity) {
    this.cache = new GenerationalCache<>(capacity);
  }

  /** The ids of the stored keys among {@code keys}; keys never stored are left out. */
  Map<String, Long> known(Connection c, Collection<String> keys) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    List<String> missing = new ArrayList<>();
    synchronized (cache) {
      for (String key : keys) {
        Long id = cache.get(key);
        if (id != null) {
          ids.put(key, id);
        } else {
          missing.add(key);
        }
      }
    }
    if (!missing.isEmpty()) {
      Map<String, Long> read = read(c, missing);
      remember(read);
      ids.putAll(read);
    }
    return ids;
  }

  /**
   * The id of every key the batch names, inserting the new ones (in the caller's transaction).
   * The ids are remembered only by {@link #remember}, which the caller runs after its commit.
   */
  Map<String, Long> resolveCreating(Connection c, AppendBatch batch) throws SQLException {
    Set<String> keys = new LinkedHashSet<>();
    for (EncodedLeaf leaf : batch.leaves()) {
      keys.addAll(leaf.linkKeys());
    }
    Map<String, Long> ids = known(c, keys);
    List<String> fresh = keys.stream().filter(k -> !ids.containsKey(k)).toList();
    if (!fresh.isEmpty()) {
      // Another node may insert the same key at once: ON CONFLICT leaves its row, and the read
      // below finds whichever committed (the unique index makes this insert wait for it).
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO link_keys (link_key) SELECT unnest(?::text[]) ON CONFLICT (link_key)"
              + " DO NOTHING")) {
        insert.setArray(1, c.createArrayOf("text", fresh.toArray()));
        insert.executeUpdate();
      }
      Map<String, Long> made = read(c, fresh);
      if (made.size() != fresh.size()) {
        throw new SQLException("link keys inserted but not found: " + fresh.size() + " asked, "
            + made.size() + " found");
      }
      ids.putAll(made);
    }
    return ids;
  }

  /** Caches ids read from, or committed to, the table. */
  void remember(Map<String, Long> ids) {
    synchronized (cache) {
      ids.forEach(cache::put);
    }
  }

  private static Map<String, Long> read(Connection c, List<String> keys) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement(
        "SELECT link_key, id FROM link_keys WHERE link_key = ANY(?)")) {
      Array array = c.createArrayOf("text", keys.toArray());
      query.setArray(1, array);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return ids;
  }
}
