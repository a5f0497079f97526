package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.store.StoredLeaf;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code leaves} row ({@code seq, leaf, leaf_hash}) to a {@link StoredLeaf}. */
public final class StoredLeafMapper implements RowMapper<StoredLeaf> {
  @Override
  public StoredLeaf map(ResultSet rs, StatementContext ctx) throws SQLException {
    // By position (the queries select seq, leaf, leaf_hash): a lookup by name costs on every row.
    return StoredLeaf.adopting(rs.getLong(1), rs.getBytes(2), Digest.of(rs.getBytes(3)));
  }
}
