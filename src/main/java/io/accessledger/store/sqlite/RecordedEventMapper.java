package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import io.accessledger.store.RecordedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps an {@code event_ids} row to a {@link RecordedEvent}. */
public final class RecordedEventMapper implements RowMapper<RecordedEvent> {
  @Override
  public RecordedEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new RecordedEvent(rs.getLong("seq"), Digest.of(rs.getBytes("content_hash")));
  }
}
