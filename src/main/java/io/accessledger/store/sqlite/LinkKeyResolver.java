package io.accessledger.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps link keys to their ids in {@code link_keys}, through the cache, fetching misses in a few
 * {@code IN (...)} queries rather than one query per key.
 */
final class LinkKeyResolver {
  private static final int IN_CHUNK = 500;

  private LinkKeyResolver() {}

  /** The ids of those {@code keys} that are stored; unknown keys are absent from the result. */
  static Map<String, Long> known(Connection c, Collection<String> keys, LinkKeyIds cache)
      throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    List<String> misses = new ArrayList<>();
    for (String key : keys) {
      Optional<Long> cached = cache.get(key);
      if (cached.isPresent()) {
        ids.put(key, cached.get());
      } else {
        misses.add(key);
      }
    }
    for (int from = 0; from < misses.size(); from += IN_CHUNK) {
      List<String> chunk = misses.subList(from, Math.min(misses.size(), from + IN_CHUNK));
      String sql = "SELECT id, link_key FROM link_keys WHERE link_key IN ("
          + "?,".repeat(chunk.size() - 1) + "?)";
      try (PreparedStatement select = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            ids.put(rs.getString(2), rs.getLong(1));
          }
        }
      }
    }
    return ids;
  }

  /**
   * The ids of all {@code keys}, inserting the new ones. Must run inside the write transaction; the
   * caller caches the result only once that transaction has committed.
   */
  static Map<String, Long> creating(Connection c, Collection<String> keys, LinkKeyIds cache)
      throws SQLException {
    Map<String, Long> ids = known(c, keys, cache);
    if (ids.size() == keys.size()) {
      return ids;
    }
    long next;
    try (PreparedStatement max = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM link_keys");
        ResultSet rs = max.executeQuery()) {
      rs.next();
      next = rs.getLong(1);
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO link_keys (id, link_key) VALUES (?, ?)")) {
      for (String key : keys) {
        if (!ids.containsKey(key)) {
          insert.setLong(1, next);
          insert.setString(2, key);
          insert.addBatch();
          ids.put(key, next++);
        }
      }
      insert.executeBatch();
    }
    return ids;
  }
}
