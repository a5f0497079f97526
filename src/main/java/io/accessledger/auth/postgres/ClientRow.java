package io.accessledger.auth.postgres;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ExportedClient;
import io.accessledger.auth.Role;
import io.accessledger.auth.StoredClient;
import io.accessledger.ledger.merkle.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * One client joined with its revocation, if any: {@code revokedAt} is null while it is active.
 * Read by {@link #SELECT}, which every query of the store extends with its own condition.
 */
record ClientRow(ApiClient client, Digest tokenHash, Instant createdAt, Instant revokedAt) {
  /** The client and its revocation in one row; a query adds {@code WHERE} and {@code ORDER BY}. */
  static final String SELECT = "SELECT c.name, c.role, c.source, c.token_hash, c.created_at,"
      + " r.revoked_at FROM clients c LEFT JOIN client_revocations r ON r.client_id = c.id";

  StoredClient stored() {
    return new StoredClient(client, createdAt, revokedAt);
  }

  ExportedClient exported() {
    return new ExportedClient(stored(), tokenHash);
  }

  boolean isActive() {
    return revokedAt == null;
  }

  /** Maps {@link #SELECT}'s columns; a row the schema should have refused fails loudly. */
  static final class Mapper implements RowMapper<ClientRow> {
    @Override
    public ClientRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
      return new ClientRow(
          new ApiClient(rs.getString("name"), Role.parse(rs.getString("role")),
              rs.getString("source")),
          Digest.of(rs.getBytes("token_hash")),
          rs.getObject("created_at", OffsetDateTime.class).toInstant(),
          revoked == null ? null : revoked.toInstant());
    }
  }
}
