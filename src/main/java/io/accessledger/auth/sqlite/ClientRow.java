package io.accessledger.auth.sqlite;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.Role;
import io.accessledger.auth.StoredClient;
import io.accessledger.ledger.merkle.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of the {@code clients} table; {@code revokedAt} is null while the client is active. */
record ClientRow(ApiClient client, Digest tokenHash, Instant createdAt, Instant revokedAt) {

  StoredClient stored() {
    return new StoredClient(client, createdAt, revokedAt);
  }

  /** Maps the columns of {@code clients}; a row the schema should have refused fails loudly. */
  static final class Mapper implements RowMapper<ClientRow> {
    @Override
    public ClientRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      String revoked = rs.getString("revoked_at");
      return new ClientRow(
          new ApiClient(rs.getString("name"), Role.parse(rs.getString("role")), rs.getString("source")),
          Digest.of(rs.getBytes("token_hash")),
          Instant.parse(rs.getString("created_at")),
          revoked == null ? null : Instant.parse(revoked));
    }
  }
}
