package io.accessledger.store.sqlite;

import io.accessledger.store.RecordedEvent;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The ledger's read queries. Writes go through {@link BatchWriter}; neither has an update or
 * delete path, by design.
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

  @SqlQuery(
      "SELECT seq FROM link_index WHERE key_id = :keyId AND seq > :after ORDER BY seq LIMIT :limit")
  List<Long> seqsFor(@Bind("keyId") long keyId, @Bind("after") long afterSeq, @Bind("limit") int limit);

  @SqlQuery("SELECT MAX(seq) FROM link_index WHERE key_id = :keyId AND seq < :below")
  Optional<Long> latestSeqBelow(@Bind("keyId") long keyId, @Bind("below") long below);

  @SqlQuery("SELECT seq, leaf, leaf_hash FROM leaves WHERE seq IN (<seqs>) ORDER BY seq")
  @RegisterRowMapper(StoredLeafMapper.class)
  List<StoredLeaf> leaves(@BindList("seqs") List<Long> seqs);

  @SqlQuery("SELECT seq AS id, leaf_hash AS hash FROM leaves WHERE seq IN (<seqs>)")
  @RegisterRowMapper(IdHash.Mapper.class)
  List<IdHash> leafHashes(@BindList("seqs") List<Long> seqs);

  @SqlQuery("SELECT node_id AS id, hash FROM merkle_nodes WHERE node_id IN (<ids>)")
  @RegisterRowMapper(IdHash.Mapper.class)
  List<IdHash> nodeHashes(@BindList("ids") List<Long> nodeIds);
}
