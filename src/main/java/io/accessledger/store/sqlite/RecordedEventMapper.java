package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import io.accessledger.store.RecordedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps an {@code event_ids} row ({@code event_id, seq, content_hash}) to its id and record. */
public final class RecordedEventMapper implements RowMapper<RecordedEventMapper.Row> {
  /** One recorded event id. */
  public record Row(String eventId, RecordedEvent recorded) {}

  @Override
  public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(rs.getString("event_id"),
        new RecordedEvent(rs.getLong("seq"), Digest.of(rs.getBytes("content_hash"))));
  }
}
