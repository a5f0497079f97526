package io.accessledger.store.sqlite;

import io.accessledger.store.StoredCheckpoint;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The ledger's occasional read queries. The reads each API request makes are plain JDBC in
 * {@link ReadQueries}, and writes go through {@link BatchWriter}; none has an update or delete
 * path, by design.
 */
@RegisterConstructorMapper(StoredCheckpoint.class)
interface LedgerDao {

  @SqlQuery("SELECT COALESCE(MAX(seq) + 1, 0) FROM leaves")
  long size();

  @SqlQuery("SELECT tree_size AS size, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1")
  Optional<StoredCheckpoint> latestCheckpoint();

  @SqlQuery(
      "SELECT tree_size AS size, note FROM checkpoints WHERE tree_size > :after"
          + " ORDER BY tree_size LIMIT :limit")
  List<StoredCheckpoint> checkpointsAfter(@Bind("after") long afterSize, @Bind("limit") int limit);
}
