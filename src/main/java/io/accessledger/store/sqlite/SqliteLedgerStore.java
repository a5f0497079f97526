package io.accessledger.store.sqlite;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.CosignatureQueries;
import io.accessledger.store.CosignerId;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.RecordedEvent;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import io.accessledger.store.StoredLeaf;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The embedded default {@link LedgerStore}: one SQLite file in WAL mode, written through Jdbi.
 *
 * <p>Durability comes from the data source's pragmas ({@link SqliteDataSources}): each
 * {@link #append} is one immediate transaction whose commit is fsynced before it returns. A full
 * disk is reported as {@link io.accessledger.store.LedgerDiskFullException} ({@link
 * SqliteFailures}), and a failed append cuts the WAL back ({@link WalLimits#cutBack}).
 */
public final class SqliteLedgerStore implements LedgerStore {
  private static final int KEY_ID_CACHE = 200_000;

  private final Jdbi jdbi;
  private final AutoCloseable onClose;
  private final LinkKeyIds keyIds = new LinkKeyIds(KEY_ID_CACHE);
  private final int pageSize;
  private final long walLimitBytes;
  private final SqliteFailures failures;

  private SqliteLedgerStore(Jdbi jdbi, AutoCloseable onClose) {
    this.jdbi = jdbi;
    this.onClose = onClose;
    this.pageSize = (int) pragma(jdbi, "page_size");
    long limit = pragma(jdbi, "journal_size_limit");
    this.walLimitBytes = limit < 0 ? Long.MAX_VALUE : limit; // -1: no limit was set
    this.failures = SqliteFailures.forDatabaseOf(jdbi);
  }

  private static long pragma(Jdbi jdbi, String name) {
    return jdbi.withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(Long.class).one());
  }

  /**
   * Opens the ledger over {@code dataSource}, applying any pending schema migrations.
   *
   * @param onClose released by {@link #close()} (the pool), or a no-op
   */
  public static SqliteLedgerStore open(DataSource dataSource, AutoCloseable onClose) {
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    try {
      SqliteMigrations.apply(jdbi);
    } catch (RuntimeException e) {
      try {
        onClose.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return new SqliteLedgerStore(jdbi, onClose);
  }

  /**
   * Opens an existing ledger for reading only: no migration runs and nothing is written.
   *
   * @throws StoreException if the file is not an access-ledger database of a schema this code reads
   */
  public static SqliteLedgerStore openReadOnly(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    int version;
    try {
      version = jdbi.withHandle(h ->
          h.createQuery("SELECT MAX(version) FROM schema_migrations").mapTo(Integer.class).one());
    } catch (RuntimeException e) {
      throw new StoreException("not an access-ledger database: " + e.getMessage(), e);
    }
    if (version != SqliteMigrations.LATEST) {
      throw new StoreException("the ledger's schema is version " + version + ", this code reads "
          + SqliteMigrations.LATEST + "; use the matching release to verify it");
    }
    return new SqliteLedgerStore(jdbi, () -> { });
  }

  /** The Jdbi the store runs on, for other tables in the same database file. */
  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public long size() {
    return reading(handle -> ReadQueries.size(handle.getConnection()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>After a failed commit the WAL is cut back ({@link WalLimits#cutBack}), so the pages the
   * failed commit wrote do not keep their space. A batch larger than the WAL may grow is started
   * on an empty WAL: if it then fails, the WAL holds nothing committed, and cutting it back needs
   * no room at all, even on a disk the failed write filled to the last byte.
   */
  @Override
  public void append(AppendBatch batch) {
    long expected = expectedGrowth(batch);
    if (expected > walLimitBytes) {
      cutWalBack(); // best effort: a reader still on the WAL only makes a failure cost more
    }
    try {
      Map<String, Long> usedKeyIds =
          jdbi.inTransaction(handle -> BatchWriter.write(handle.getConnection(), batch, keyIds));
      keyIds.putAll(usedKeyIds);
    } catch (StoreException e) {
      throw e; // refused before anything was written: no WAL to cut back
    } catch (SQLException | RuntimeException e) {
      RuntimeException failure = failures.translate("append of batch at seq " + batch.firstSeq(),
          e, expected, "nothing was written");
      cutWalBack().ifPresent(failure::addSuppressed);
      throw failure;
    }
  }

  /** The WAL the commit may write ({@link WalLimits#commitBytes}). */
  @Override
  public long expectedGrowth(long payloadBytes) {
    return WalLimits.commitBytes(payloadBytes, pageSize);
  }

  /** {@link WalLimits#cutBack} on a pooled connection; its failure, if it failed. */
  private Optional<Exception> cutWalBack() {
    try {
      jdbi.useHandle(handle ->
          WalLimits.cutBack(handle.getConnection(), SqliteDataSources.BUSY_TIMEOUT_MILLIS));
      return Optional.empty();
    } catch (SQLException | RuntimeException e) {
      return Optional.of(e);
    }
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return reading(handle -> ReadQueries.latestCheckpoint(handle.getConnection()));
  }

  @Override
  public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
    return jdbi.withExtension(LedgerDao.class, dao -> dao.checkpointsAfter(afterSize, limit));
  }

  @Override
  public Optional<StoredLeaf> leaf(long seq) {
    return leaves(List.of(seq)).stream().findFirst();
  }

  @Override
  public List<StoredLeaf> leaves(List<Long> seqs) {
    if (seqs.isEmpty()) {
      return List.of();
    }
    return reading(handle -> ReadQueries.leaves(handle.getConnection(), seqs));
  }

  @Override
  public LedgerSnapshot snapshot() {
    return new SqliteSnapshot(jdbi.open());
  }

  @Override
  public Map<String, Long> latestSeqs(Collection<String> linkKeys) {
    return reading(handle -> {
      Connection c = handle.getConnection();
      Map<String, Long> ids = LinkKeyResolver.known(c, linkKeys, keyIds);
      keyIds.putAll(ids);
      Map<String, Long> latest = new HashMap<>();
      if (ids.isEmpty()) {
        // Keys never stored (the usual case: the cache knows the others); preparing the lookup
        // cost the writer thread more than anything else here (profiled, single posts).
        return latest;
      }
      try (PreparedStatement query = ReadQueries.latestSeqQuery(c)) {
        for (Map.Entry<String, Long> id : ids.entrySet()) {
          long seq = ReadQueries.latestSeq(query, id.getValue());
          if (seq >= 0) {
            latest.put(id.getKey(), seq);
          }
        }
      }
      return latest;
    });
  }

  /**
   * Runs a read on a pooled connection, turning SQL failures into {@link StoreException}, or
   * {@link io.accessledger.store.LedgerDiskFullException} when the disk is full.
   */
  private <R> R reading(HandleCallback<R, SQLException> read) {
    try {
      return jdbi.withHandle(read);
    } catch (SQLException e) {
      throw failures.translate("read of the ledger", e, 0, "nothing was answered");
    }
  }

  private Optional<Long> keyId(Handle handle, String key) throws SQLException {
    return Optional.ofNullable(
        LinkKeyResolver.known(handle.getConnection(), List.of(key), keyIds).get(key));
  }

  @Override
  public List<Long> seqsFor(String linkKey, long afterSeq, int limit) {
    return reading(handle -> {
      Optional<Long> id = keyId(handle, linkKey);
      return id.isEmpty() ? List.of()
          : ReadQueries.seqsFor(handle.getConnection(), id.get(), afterSeq, limit);
    });
  }

  @Override
  public long latestSeqBelow(String linkKey, long treeSize) {
    return reading(handle -> {
      Optional<Long> id = keyId(handle, linkKey);
      return id.isEmpty() ? -1L
          : ReadQueries.latestSeqBelow(handle.getConnection(), id.get(), treeSize);
    });
  }

  /** Ids per query: well under SQLite's limit on bound parameters. */
  private static final int IDS_PER_QUERY = 500;

  @Override
  public Map<String, RecordedEvent> findEvents(String source, Collection<String> eventIds) {
    if (eventIds.isEmpty()) {
      return Map.of();
    }
    List<String> ids = List.copyOf(eventIds);
    // Plain JDBC: this lookup runs on every post, where attaching a SqlObject cost more than the
    // query itself.
    return reading(handle -> {
      Connection c = handle.getConnection();
      Map<String, RecordedEvent> found = new HashMap<>();
      for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
        String sql = "SELECT event_id, seq, content_hash FROM event_ids WHERE source = ?"
            + " AND event_id IN (" + "?,".repeat(chunk.size() - 1) + "?)";
        try (PreparedStatement query = c.prepareStatement(sql)) {
          query.setString(1, source);
          for (int i = 0; i < chunk.size(); i++) {
            query.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              found.put(rs.getString(1),
                  new RecordedEvent(rs.getLong(2), Digest.of(rs.getBytes(3))));
            }
          }
        }
      }
      return found;
    });
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    return reading(handle -> StoredHashes.fetch(handle.getConnection(), ids));
  }

  @Override
  public boolean addCosignature(StoredCosignature cosignature) {
    try {
      return jdbi.withHandle(handle -> CosignatureQueries.add(handle.getConnection(), cosignature));
    } catch (SQLException | RuntimeException e) {
      throw failures.translate("storing a cosignature of tree size " + cosignature.treeSize(), e,
          0, "nothing was written");
    }
  }

  @Override
  public List<StoredCosignature> cosignatures(long treeSize) {
    return reading(handle -> CosignatureQueries.of(handle.getConnection(), treeSize));
  }

  @Override
  public OptionalLong latestCosignedSize(Collection<CosignerId> cosigners, long atMostSize) {
    return reading(handle -> CosignatureQueries.latestCommon(handle.getConnection(), cosigners, atMostSize));
  }

  @Override
  public List<GuardFault> appendOnlyGuardFaults() {
    return reading(handle -> AppendOnlyTriggers.faults(handle.getConnection()));
  }

  @Override
  public List<GuardFault> restoreAppendOnlyGuards() {
    try {
      return jdbi.inTransaction(handle -> AppendOnlyTriggers.restore(handle.getConnection()));
    } catch (StoreException e) {
      throw e;
    } catch (SQLException | RuntimeException e) {
      throw new StoreException("recreating the append-only triggers failed: " + e.getMessage(), e);
    }
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
