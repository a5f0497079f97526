package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import io.accessledger.store.StoredLeaf;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code leaves} row ({@code seq, leaf, leaf_hash}) to a {@link StoredLeaf}. */
public final class StoredLeafMapper implements RowMapper<StoredLeaf> {
  @Override
  public StoredLeaf map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoredLeaf(rs.getLong("seq"), rs.getBytes("leaf"), Digest.of(rs.getBytes("leaf_hash")));
  }
}
