package io.accessledger.auth.sqlite;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.BearerTokens;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.ExportedClient;
import io.accessledger.auth.Role;
import io.accessledger.auth.StoredClient;
import io.accessledger.store.StoreException;
import io.accessledger.store.sqlite.SqliteDataSources;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The {@link ClientStore} in its own SQLite file, {@code <dataDir>/clients.db}, in WAL mode with a
 * busy timeout, so that {@code add-client} and {@code revoke-client} write it while the server reads
 * it: readers never wait for a writer, and a writer waits (up to 10 s) for another.
 *
 * <p><b>Authentication</b> hashes the presented token and finds its client through
 * {@link ClientCache}: by the unique index on {@code token_hash}, or from memory while the file's
 * {@code PRAGMA data_version} is unchanged. That value is read on every call and changes with any
 * commit by another connection or process, so a revocation is seen by the next request. The stored hash is then compared with the computed
 * one by {@link MessageDigest#isEqual} (constant time), so acceptance never rests on a comparison
 * whose timing depends on the secret. The index probe's timing does depend on the data, but only
 * on where the hash of the <em>presented</em> token falls among the stored hashes: at most it
 * tells an attacker something about stored hashes, and SHA-256 being preimage-resistant, nothing
 * about any token. Malformed tokens are refused before the database is touched, on their length
 * and characters alone.
 */
public final class SqliteClientStore implements ClientStore {
  // Each authentication holds a connection for one index probe, so a few serve many threads.
  private static final int MAX_CONNECTIONS = 4;

  private final Jdbi jdbi;
  private final ClientDao dao;
  private final ClientCache cache;
  private final AutoCloseable onClose;
  private final Clock clock;

  private SqliteClientStore(Jdbi jdbi, ClientCache cache, AutoCloseable onClose, Clock clock) {
    this.jdbi = jdbi;
    this.dao = jdbi.onDemand(ClientDao.class);
    this.cache = cache;
    this.onClose = onClose;
    this.clock = clock;
  }

  /**
   * Opens the clients database in {@code file}, applying pending migrations. The file must exist:
   * create it empty with mode 0600 first (as {@code LedgerFactory.openClients} does), so that SQLite
   * never creates it, or its -wal and -shm files, readable by others.
   *
   * @param metrics where the connection pool registers its gauges (as pool {@code clients})
   * @throws StoreException if the file is missing or cannot be opened or migrated
   */
  public static SqliteClientStore open(Path file, MetricRegistry metrics, Clock clock) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no clients database file " + file + "; create it (mode 0600) first");
    }
    ManagedDataSource dataSource = pooled(file, metrics);
    // Registered as an instance, not by annotation, so that the row type can stay package-private.
    Jdbi jdbi = Jdbi.create(dataSource)
        .installPlugin(new SqlObjectPlugin())
        .registerRowMapper(ClientRow.class, new ClientRow.Mapper());
    ClientCache cache;
    try {
      ClientMigrations.apply(jdbi);
      cache = ClientCache.open(file);
    } catch (RuntimeException | SQLException e) {
      try {
        dataSource.stop();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e instanceof RuntimeException r ? r
          : new StoreException("opening the clients database failed: " + e.getMessage(), e);
    }
    return new SqliteClientStore(jdbi, cache, () -> {
      try (ClientCache closing = cache) {
        dataSource.stop();
      }
    }, clock);
  }

  private static ManagedDataSource pooled(Path file, MetricRegistry metrics) {
    return SqliteDataSources.poolOf(file, MAX_CONNECTIONS,
        Map.of(
            "journal_mode", "WAL",
            // A new client or a revocation is on disk before the command says it is done.
            "synchronous", "FULL",
            // Writers take the lock at BEGIN: add-client's check-then-insert cannot interleave.
            "transaction_mode", "IMMEDIATE",
            "busy_timeout", "10000"))
        .build(metrics, "clients");
  }

  @Override
  public String add(String name, Role role, String source) {
    ApiClient client = new ApiClient(name, role, source);
    String token = BearerTokens.generate();
    byte[] hash = BearerTokens.hash(token).bytes();
    String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    jdbi.useTransaction(handle -> {
      ClientDao tx = handle.attach(ClientDao.class);
      Optional<String> taken = tx.nameTaken(client.name());
      if (taken.isPresent()) {
        throw ClientException.nameTaken(client.name(), taken.get());
      }
      tx.insert(client.name(), role.externalName(), source, hash, now);
    });
    return token;
  }

  @Override
  public boolean revoke(String name) {
    String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    return jdbi.inTransaction(handle -> {
      ClientDao tx = handle.attach(ClientDao.class);
      if (tx.revoke(name, now) == 1) {
        return true;
      }
      if (tx.byExactName(name).isPresent()) {
        return false;
      }
      throw new ClientException("there is no client named '" + name + "'");
    });
  }

  @Override
  public Optional<ApiClient> authenticate(String token) {
    if (!BearerTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    byte[] presented = BearerTokens.hash(token).bytes();
    Optional<ClientRow> found;
    try {
      found = cache.find(presented);
    } catch (SQLException e) {
      throw new StoreException("reading the clients database failed: " + e.getMessage(), e);
    }
    return found
        .filter(row -> MessageDigest.isEqual(row.tokenHash().bytes(), presented))
        .filter(row -> row.revokedAt() == null)
        .map(ClientRow::client);
  }

  @Override
  public Optional<ApiClient> active(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return dao.byExactName(name).filter(row -> row.revokedAt() == null).map(ClientRow::client);
  }

  @Override
  public List<StoredClient> list() {
    return dao.all().stream().map(ClientRow::stored).toList();
  }

  @Override
  public List<ExportedClient> exportForCopy() {
    return dao.all().stream().map(row -> new ExportedClient(row.stored(), row.tokenHash())).toList();
  }

  @Override
  public void importCopy(List<ExportedClient> clients) {
    jdbi.useTransaction(handle -> {
      ClientDao tx = handle.attach(ClientDao.class);
      if (!tx.all().isEmpty()) {
        throw new ClientException("refusing to import clients into a clients database that"
            + " already holds some");
      }
      for (ExportedClient copy : clients) {
        ApiClient client = copy.stored().client();
        Optional<String> taken = tx.nameTaken(client.name());
        if (taken.isPresent()) {
          throw ClientException.nameTaken(client.name(), taken.get());
        }
        tx.insertCopy(client.name(), client.role().externalName(), client.source(),
            copy.tokenHash().bytes(), copy.stored().createdAt().toString(),
            copy.stored().revokedAt() == null ? null : copy.stored().revokedAt().toString());
      }
    });
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (Exception e) {
      throw new StoreException("closing the clients database failed", e);
    }
  }
}
