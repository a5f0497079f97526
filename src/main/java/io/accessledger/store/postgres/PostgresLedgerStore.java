package io.accessledger.store.postgres;

import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.CosignatureQueries;
import io.accessledger.store.CosignerId;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerDiskFullException;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.RecordedEvent;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoreException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import io.accessledger.store.StoredLeaf;
import io.accessledger.store.WriteTurn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link LedgerStore} that several nodes share: PostgreSQL, through pgjdbc and Jdbi on a
 * pooled data source ({@link PostgresDataSources}). The same rows as SQLite's, append-only
 * (triggers refuse UPDATE, DELETE and TRUNCATE: {@link PostgresGuards}); the server's role needs
 * only SELECT and INSERT, the migrations ({@code db/postgres/}) are the schema owner's.
 *
 * <p>Guarantees, whatever number of processes append at once:
 * <ul>
 *   <li>no gap, no duplicate {@code seq}, never two inconsistent checkpoints: each append's first
 *       write is its checkpoint row, a fence unique on the checkpoint it extends, and it is then
 *       checked against the committed log with the fence held ({@link PostgresAppend}); a batch
 *       that lost the race is refused with {@link StaleTailException}, nothing written;
 *   <li>an append returns only once committed with {@code synchronous_commit} on: durable (and on
 *       a synchronous standby, if one is configured);
 *   <li>reads see only committed batches; a {@link #snapshot} is one REPEATABLE READ transaction.
 * </ul>
 * Correctness rests on the fence alone: an advisory lock, where one is taken, only saves a node
 * building batches that would lose.
 */
public final class PostgresLedgerStore implements LedgerStore {
  /** The component the ledger's migrations are numbered under. */
  public static final String COMPONENT = "ledger";
  private static final List<String> MIGRATIONS = List.of("V1__ledger.sql", "V2__cosignatures.sql");
  private static final int KEY_ID_CACHE = 200_000;

  private final Jdbi jdbi;
  private final AutoCloseable onClose;
  private final PostgresLinkKeys keyIds = new PostgresLinkKeys(KEY_ID_CACHE);

  private PostgresLedgerStore(Jdbi jdbi, AutoCloseable onClose) {
    this.jdbi = jdbi;
    this.onClose = onClose;
  }

  /**
   * Opens the ledger over {@code dataSource}, applying any pending migration (which needs the
   * schema owner's role; with the server's role on a migrated database, nothing is applied).
   *
   * @param onClose released by {@link #close()} (the pool), or a no-op
   */
  public static PostgresLedgerStore open(DataSource dataSource, AutoCloseable onClose) {
    Jdbi jdbi = Jdbi.create(dataSource);
    try {
      if (PostgresMigrations.appliedVersion(jdbi, COMPONENT) < MIGRATIONS.size()) {
        PostgresMigrations.apply(jdbi, COMPONENT, "/db/postgres/", MIGRATIONS);
      }
    } catch (RuntimeException e) {
      closeQuietly(onClose, e);
      throw e instanceof StoreException ? e
          : new StoreException("cannot open the PostgreSQL ledger: " + e.getMessage(), e);
    }
    return new PostgresLedgerStore(jdbi, onClose);
  }

  /**
   * Opens an existing ledger for reading only: no migration runs and nothing is written. Closing
   * the store leaves {@code dataSource} open, as {@code SqliteLedgerStore.openReadOnly} does.
   *
   * @throws StoreException if the database holds no access-ledger schema of this code's version
   */
  public static PostgresLedgerStore openReadOnly(DataSource dataSource) {
    return openReadOnly(dataSource, () -> { });
  }

  /**
   * As {@link #openReadOnly(DataSource)}, releasing {@code onClose} (the pool) on {@link #close}
   * and when it refuses the database.
   */
  public static PostgresLedgerStore openReadOnly(DataSource dataSource, AutoCloseable onClose) {
    Jdbi jdbi = Jdbi.create(dataSource);
    int version;
    try {
      version = PostgresMigrations.appliedVersion(jdbi, COMPONENT);
    } catch (RuntimeException e) {
      closeQuietly(onClose, e);
      throw new StoreException("cannot read the PostgreSQL ledger: " + e.getMessage(), e);
    }
    if (version != MIGRATIONS.size()) {
      closeQuietly(onClose, null);
      throw new StoreException(version == 0 ? "the database holds no access-ledger ledger"
          : "the ledger's schema is version " + version + ", this code reads "
              + MIGRATIONS.size() + "; use the matching release to verify it");
    }
    return new PostgresLedgerStore(jdbi, onClose);
  }

  /** The Jdbi the store runs on, for other tables in the same database. */
  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public long size() {
    return reading(PostgresAppend::leafCount);
  }

  @Override
  public void append(AppendBatch batch) {
    Map<String, Long> ids;
    try {
      ids = jdbi.inTransaction(handle -> PostgresAppend.write(handle.getConnection(), batch, keyIds));
    } catch (StoreException e) {
      throw e; // refused before anything was written
    } catch (SQLException | RuntimeException e) {
      throw PostgresFailures.translate("append of batch at seq " + batch.firstSeq(), e,
          "nothing was written");
    }
    keyIds.remember(ids); // committed: now they name rows every node sees
  }

  /** Nodes take turns through a session advisory lock ({@link PostgresWriteTurn}). */
  @Override
  public WriteTurn awaitWriteTurn() {
    return PostgresWriteTurn.await(jdbi);
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    return reading(PostgresReads::latestCheckpoint);
  }

  @Override
  public List<StoredCheckpoint> checkpointsAfter(long afterSize, int limit) {
    return reading(c -> PostgresReads.checkpointsAfter(c, afterSize, limit));
  }

  @Override
  public Optional<StoredLeaf> leaf(long seq) {
    return leaves(List.of(seq)).stream().findFirst();
  }

  @Override
  public List<StoredLeaf> leaves(List<Long> seqs) {
    return seqs.isEmpty() ? List.of() : reading(c -> PostgresReads.leaves(c, seqs));
  }

  @Override
  public LedgerSnapshot snapshot() {
    return new PostgresSnapshot(jdbi.open());
  }

  @Override
  public Map<String, Long> latestSeqs(Collection<String> linkKeys) {
    return reading(c -> {
      Map<String, Long> latest = new HashMap<>();
      for (Map.Entry<String, Long> id : keyIds.known(c, linkKeys).entrySet()) {
        long seq = PostgresReads.latestSeqBelow(c, id.getValue(), Long.MAX_VALUE);
        if (seq >= 0) {
          latest.put(id.getKey(), seq);
        }
      }
      return latest;
    });
  }

  @Override
  public List<Long> seqsFor(String linkKey, long afterSeq, int limit) {
    return reading(c -> {
      Long id = keyIds.known(c, List.of(linkKey)).get(linkKey);
      return id == null ? List.of() : PostgresReads.seqsFor(c, id, afterSeq, limit);
    });
  }

  @Override
  public long latestSeqBelow(String linkKey, long treeSize) {
    return reading(c -> {
      Long id = keyIds.known(c, List.of(linkKey)).get(linkKey);
      return id == null || treeSize <= 0 ? -1L : PostgresReads.latestSeqBelow(c, id, treeSize);
    });
  }

  @Override
  public Map<String, RecordedEvent> findEvents(String source, Collection<String> eventIds) {
    return eventIds.isEmpty() ? Map.of()
        : reading(c -> PostgresReads.findEvents(c, source, eventIds));
  }

  @Override
  public List<Digest> hashes(List<NodeId> ids) {
    return reading(c -> PostgresReads.hashes(c, ids));
  }

  @Override
  public boolean addCosignature(StoredCosignature cosignature) {
    try {
      return jdbi.withHandle(handle -> CosignatureQueries.add(handle.getConnection(), cosignature));
    } catch (SQLException | RuntimeException e) {
      throw PostgresFailures.translate("storing a cosignature of tree size "
          + cosignature.treeSize(), e, "nothing was written");
    }
  }

  @Override
  public List<StoredCosignature> cosignatures(long treeSize) {
    return reading(c -> CosignatureQueries.of(c, treeSize));
  }

  @Override
  public OptionalLong latestCosignedSize(Collection<CosignerId> cosigners, long atMostSize) {
    return reading(c -> CosignatureQueries.latestCommon(c, cosigners, atMostSize));
  }

  @Override
  public List<GuardFault> appendOnlyGuardFaults() {
    return reading(PostgresGuards::faults);
  }

  @Override
  public List<GuardFault> restoreAppendOnlyGuards() {
    try {
      return jdbi.inTransaction(handle -> PostgresGuards.restore(handle.getConnection()));
    } catch (StoreException e) {
      throw e;
    } catch (SQLException | RuntimeException e) {
      throw new StoreException("recreating the append-only triggers failed (it needs the"
          + " tables' owner): " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (Exception e) {
      throw new StoreException("closing the PostgreSQL store failed", e);
    }
  }

  /** A read on a pooled connection. */
  interface Read<R> {
    R run(Connection c) throws SQLException;
  }

  private <R> R reading(Read<R> read) {
    try {
      return jdbi.withHandle(handle -> read.run(handle.getConnection()));
    } catch (StoreException e) {
      throw e;
    } catch (SQLException | RuntimeException e) {
      throw PostgresFailures.translate("read of the ledger", e, "nothing was answered");
    }
  }

  private static void closeQuietly(AutoCloseable onClose, RuntimeException failure) {
    try {
      onClose.close();
    } catch (Exception closing) {
      if (failure != null) {
        failure.addSuppressed(closing);
      }
    }
  }
}
