package io.accessledger.store.sqlite;

import io.accessledger.ledger.Digest;
import io.accessledger.ledger.EncodedLeaf;
import io.accessledger.ledger.NodeId;
import io.accessledger.ledger.StoredNode;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredLeaf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The embedded default {@link LedgerStore}: one SQLite file in WAL mode, written through Jdbi.
 *
 * <p>Durability comes from the data source's pragmas ({@link SqliteDataSources}): each
 * {@link #append} is one immediate transaction whose commit is fsynced before it returns.
 */
public final class SqliteLedgerStore implements LedgerStore {
  private final Jdbi jdbi;
  private final AutoCloseable onClose;

  private SqliteLedgerStore(Jdbi jdbi, AutoCloseable onClose) {
    this.jdbi = jdbi;
    this.onClose = onClose;
  }

  /**
   * Opens the ledger over {@code dataSource}, applying any pending schema migrations.
   *
   * @param onClose released by {@link #close()} (the pool), or a no-op
   */
  public static SqliteLedgerStore open(DataSource dataSource, AutoCloseable onClose) {
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    SqliteMigrations.apply(jdbi);
    return new SqliteLedgerStore(jdbi, onClose);
  }

  /** The Jdbi the store runs on, for other tables in the same database file. */
  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public long size() {
    return jdbi.withExtension(LedgerDao.class, LedgerDao::size);
  }

  @Override
  public void append(AppendBatch batch) {
    try {
      jdbi.useTransaction(handle -> write(handle, batch));
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("append of batch at seq " + batch.firstSeq() + " failed: " + e, e);
    }
  }

  private static void write(Handle handle, AppendBatch batch) {
    LedgerDao dao = handle.attach(LedgerDao.class);
    long size = dao.size();
    long resulting = size + batch.leaves().size();
    if (!batch.leaves().isEmpty() && batch.firstSeq() != size) {
      throw new StoreException(
          "refusing batch at seq " + batch.firstSeq() + ": the ledger holds " + size
              + " entries (another writer?)");
    }
    if (batch.checkpoint().size() != resulting) {
      throw new StoreException(
          "refusing checkpoint of size " + batch.checkpoint().size() + ": the ledger would hold "
              + resulting + " entries");
    }
    List<EncodedLeaf> leaves = batch.leaves();
    if (!leaves.isEmpty()) {
      List<Long> seqs = new ArrayList<>(leaves.size());
      List<byte[]> bytes = new ArrayList<>(leaves.size());
      List<byte[]> hashes = new ArrayList<>(leaves.size());
      List<String> linkKeys = new ArrayList<>(leaves.size() * 3);
      List<Long> linkSeqs = new ArrayList<>(leaves.size() * 3);
      for (EncodedLeaf leaf : leaves) {
        seqs.add(leaf.seq());
        bytes.add(leaf.leaf());
        hashes.add(leaf.hash().bytes());
        for (String key : leaf.linkKeys()) {
          linkKeys.add(key);
          linkSeqs.add(leaf.seq());
        }
      }
      dao.insertLeaves(seqs, bytes, hashes);
      if (!linkKeys.isEmpty()) {
        dao.insertLinks(linkKeys, linkSeqs);
      }
    }
    if (!batch.nodes().isEmpty()) {
      List<Long> ids = new ArrayList<>(batch.nodes().size());
      List<byte[]> hashes = new ArrayList<>(batch.nodes().size());
      for (StoredNode node : batch.nodes()) {
        ids.add(NodeIds.encode(node.id()));
        hashes.add(node.hash().bytes());
      }
      dao.insertNodes(ids, hashes);
    }
    dao.insertCheckpoint(batch.checkpoint().size(), batch.checkpoint().note());
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return jdbi.withExtension(LedgerDao.class, LedgerDao::latestCheckpoint);
  }

  @Override
  public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
    return jdbi.withExtension(LedgerDao.class, dao -> dao.checkpointsAfter(afterSize, limit));
  }

  @Override
  public Optional<StoredLeaf> leaf(long seq) {
    return jdbi.withHandle(handle -> SqliteSnapshot.leaves(handle, seq, seq + 1).findFirst());
  }

  @Override
  public LedgerSnapshot snapshot() {
    return new SqliteSnapshot(jdbi.open());
  }

  @Override
  public Map<String, Long> latestSeqs(Collection<String> linkKeys) {
    Map<String, Long> latest = new HashMap<>();
    jdbi.useExtension(
        LedgerDao.class,
        dao -> {
          for (String key : linkKeys) {
            dao.latestSeq(key).ifPresent(seq -> latest.put(key, seq));
          }
        });
    return latest;
  }

  @Override
  public List<Long> seqsFor(String linkKey, long afterSeq, int limit) {
    return jdbi.withExtension(LedgerDao.class, dao -> dao.seqsFor(linkKey, afterSeq, limit));
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    return jdbi.withExtension(LedgerDao.class, dao -> StoredHashes.fetch(dao, ids));
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (Exception e) {
      throw new StoreException("closing the SQLite store failed", e);
    }
  }
}
