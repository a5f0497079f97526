package io.accessledger.auth.sqlite;

import io.accessledger.ledger.merkle.Digest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Clients by token hash, remembered between requests for as long as {@code clients.db} is
 * unchanged: before every lookup it asks SQLite for {@code PRAGMA data_version}, which changes
 * whenever any other connection, in this process or another, commits to the file. So a revocation
 * or a new client committed by {@code revoke-client} or {@code add-client} empties the cache before
 * the next request is authenticated, exactly as if there were no cache, while an unchanged file
 * costs one pragma instead of an index probe, a handle and a row mapping.
 *
 * <p>Only clients that exist are remembered (so unknown tokens cannot grow it), at most
 * {@link #CAPACITY} of them. One dedicated connection, used only to read and only under this object's lock: a
 * lookup takes microseconds. Security: the cache is keyed by the hash of the presented token, the
 * same value the index probe used; the caller still compares the stored hash in constant time.
 */
final class ClientCache implements AutoCloseable {
  static final int CAPACITY = 10_000;

  private final Connection connection;
  private final PreparedStatement dataVersion;
  private final PreparedStatement byHash;
  private final Map<Digest, ClientRow> rows = new HashMap<>();
  private final ClientRow.Mapper mapper = new ClientRow.Mapper();
  private long version = Long.MIN_VALUE;

  private ClientCache(Connection connection) throws SQLException {
    this.connection = connection;
    this.dataVersion = connection.prepareStatement("PRAGMA data_version");
    this.byHash = connection.prepareStatement(
        "SELECT " + ClientDao.COLUMNS + " FROM clients WHERE token_hash = ?");
  }

  /** Opens the cache's own connection to {@code file}, which it only reads through. */
  static ClientCache open(Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      return new ClientCache(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** The client whose stored token hash is {@code hash}, revoked or not, as the file holds now. */
  synchronized Optional<ClientRow> find(byte[] hash) throws SQLException {
    long now;
    try (ResultSet rs = dataVersion.executeQuery()) {
      rs.next();
      now = rs.getLong(1);
    }
    if (now != version) {
      rows.clear();
      version = now;
    }
    Digest key = Digest.of(hash);
    ClientRow row = rows.get(key);
    if (row == null) {
      byHash.setBytes(1, hash);
      try (ResultSet rs = byHash.executeQuery()) {
        row = rs.next() ? mapper.map(rs, null) : null;
      }
      if (row != null) {
        if (rows.size() >= CAPACITY) {
          rows.clear();
        }
        rows.put(key, row);
      }
    }
    return Optional.ofNullable(row);
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }
}
