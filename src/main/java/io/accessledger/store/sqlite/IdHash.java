package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A stored hash and the row id it was stored under (a leaf's seq or a Merkle node id). */
public record IdHash(long id, Digest hash) {

  /** Maps columns {@code id} and {@code hash}. */
  public static final class Mapper implements RowMapper<IdHash> {
    @Override
    public IdHash map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new IdHash(rs.getLong("id"), Digest.of(rs.getBytes("hash")));
    }
  }
}
