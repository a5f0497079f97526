package io.accessledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@code cosignatures} table's statements, in plain JDBC on the caller's connection: the same
 * SQL on SQLite and PostgreSQL (both have {@code ON CONFLICT DO NOTHING}), so both backends keep
 * cosignatures alike. There is no update or delete, by design.
 */
public final class CosignatureQueries {
  private CosignatureQueries() {}

  /** As {@link LedgerStore#addCosignature}: true when this insert stored the row. */
  public static boolean add(Connection c, StoredCosignature cosignature) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO cosignatures"
        + " (tree_size, witness_name, key_id, line) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (tree_size, witness_name, key_id) DO NOTHING")) {
      insert.setLong(1, cosignature.treeSize());
      insert.setString(2, cosignature.cosigner().name());
      insert.setString(3, cosignature.cosigner().keyId());
      insert.setString(4, cosignature.line());
      return insert.executeUpdate() == 1;
    }
  }

  /** As {@link LedgerStore#cosignatures}. */
  public static List<StoredCosignature> of(Connection c, long treeSize) throws SQLException {
    List<StoredCosignature> found = new ArrayList<>();
    try (PreparedStatement query = c.prepareStatement("SELECT witness_name, key_id, line"
        + " FROM cosignatures WHERE tree_size = ? ORDER BY witness_name, key_id")) {
      query.setLong(1, treeSize);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(new StoredCosignature(treeSize,
              new CosignerId(rs.getString(1), rs.getString(2)), rs.getString(3)));
        }
      }
    }
    return found;
  }

  /**
   * As {@link LedgerStore#latestCosignedSize}: the first cosigner's sizes, newest first (an index
   * seek), the first one every other cosigner also has. Witnesses are sent the same checkpoints,
   * so that is usually among the first few rows.
   */
  public static OptionalLong latestCommon(Connection c, Collection<CosignerId> cosigners,
      long atMostSize) throws SQLException {
    List<CosignerId> all = new ArrayList<>(new LinkedHashSet<>(cosigners));
    if (all.isEmpty()) {
      return OptionalLong.empty();
    }
    StringBuilder sql = new StringBuilder("SELECT c0.tree_size FROM cosignatures c0"
        + " WHERE c0.witness_name = ? AND c0.key_id = ? AND c0.tree_size <= ?");
    for (int i = 1; i < all.size(); i++) {
      sql.append(" AND EXISTS (SELECT 1 FROM cosignatures c").append(i).append(" WHERE c")
          .append(i).append(".tree_size = c0.tree_size AND c").append(i)
          .append(".witness_name = ? AND c").append(i).append(".key_id = ?)");
    }
    sql.append(" ORDER BY c0.tree_size DESC LIMIT 1");
    try (PreparedStatement query = c.prepareStatement(sql.toString())) {
      query.setString(1, all.get(0).name());
      query.setString(2, all.get(0).keyId());
      query.setLong(3, atMostSize);
      for (int i = 1; i < all.size(); i++) {
        query.setString(2 * i + 2, all.get(i).name());
        query.setString(2 * i + 3, all.get(i).keyId());
      }
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }
}
