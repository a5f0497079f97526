package io.accessledger.store.sqlite;

import io.accessledger.store.StoredCheckpoint;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The ledger's SQL. Inserts and selects only: the ledger has no update or delete path, by design.
 */
@RegisterConstructorMapper(StoredCheckpoint.class)
interface LedgerDao {

  @SqlQuery("SELECT COALESCE(MAX(seq) + 1, 0) FROM leaves")
  long size();

  @SqlBatch("INSERT INTO leaves (seq, leaf, leaf_hash) VALUES (:seq, :leaf, :hash)")
  void insertLeaves(
      @Bind("seq") List<Long> seqs, @Bind("leaf") List<byte[]> leaves, @Bind("hash") List<byte[]> hashes);

  @SqlBatch("INSERT INTO merkle_nodes (node_id, hash) VALUES (:id, :hash)")
  void insertNodes(@Bind("id") List<Long> nodeIds, @Bind("hash") List<byte[]> hashes);

  @SqlBatch("INSERT INTO link_index (link_key, seq) VALUES (:key, :seq)")
  void insertLinks(@Bind("key") List<String> linkKeys, @Bind("seq") List<Long> seqs);

  @SqlUpdate("INSERT INTO checkpoints (tree_size, note) VALUES (:size, :note)")
  void insertCheckpoint(@Bind("size") long size, @Bind("note") String note);

  @SqlQuery("SELECT tree_size AS size, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1")
  Optional<StoredCheckpoint> latestCheckpoint();

  @SqlQuery(
      "SELECT tree_size AS size, note FROM checkpoints WHERE tree_size > :after"
          + " ORDER BY tree_size LIMIT :limit")
  List<StoredCheckpoint> checkpointsAfter(@Bind("after") long afterSize, @Bind("limit") int limit);

  @SqlQuery("SELECT MAX(seq) FROM link_index WHERE link_key = :key")
  Optional<Long> latestSeq(@Bind("key") String linkKey);

  @SqlQuery(
      "SELECT seq FROM link_index WHERE link_key = :key AND seq > :after ORDER BY seq LIMIT :limit")
  List<Long> seqsFor(@Bind("key") String linkKey, @Bind("after") long afterSeq, @Bind("limit") int limit);

  @SqlQuery("SELECT seq AS id, leaf_hash AS hash FROM leaves WHERE seq IN (<seqs>)")
  @RegisterRowMapper(IdHash.Mapper.class)
  List<IdHash> leafHashes(@BindList("seqs") List<Long> seqs);

  @SqlQuery("SELECT node_id AS id, hash FROM merkle_nodes WHERE node_id IN (<ids>)")
  @RegisterRowMapper(IdHash.Mapper.class)
  List<IdHash> nodeHashes(@BindList("ids") List<Long> nodeIds);
}
