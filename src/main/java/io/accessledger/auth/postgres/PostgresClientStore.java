package io.accessledger.auth.postgres;

import io.accessledger.auth.ApiClient;
import io.accessledger.auth.BearerTokens;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.ExportedClient;
import io.accessledger.auth.Role;
import io.accessledger.auth.StoredClient;
import io.accessledger.store.StoreException;
import io.accessledger.store.postgres.PostgresMigrations;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;

/**
 * The {@link ClientStore} on PostgreSQL: tables {@code clients} and {@code client_revocations}
 * (migrations under {@code db/postgres-clients/}, component {@value #COMPONENT}), shared by every
 * node and command that uses the database.
 *
 * <p><b>Only SELECT and INSERT.</b> The server's role may do nothing else, so a revocation is a
 * row of {@code client_revocations}, never an UPDATE; triggers refuse UPDATE, DELETE and TRUNCATE
 * on both tables to any other role too.
 *
 * <p><b>No memory between calls.</b> Several nodes share the database, and PostgreSQL has no cheap
 * counterpart of SQLite's {@code data_version} to say that another one changed it: checking would
 * cost a round trip, as much as the lookup itself. So {@link #authenticate} and {@link #active}
 * read the client and its revocation afresh, in one indexed query, on every call, and a client
 * revoked through any node or command is refused by every node at its very next request. Unknown
 * tokens are remembered nowhere.
 *
 * <p><b>Authentication</b> hashes the presented token, finds the row by the unique index on
 * {@code token_hash}, then compares the stored hash with the computed one by
 * {@link MessageDigest#isEqual} (constant time), as {@code SqliteClientStore} does, and for the
 * same reasons: the probe's timing depends only on where the presented token's hash falls among
 * the stored ones. Malformed tokens are refused before the database is touched.
 */
public final class PostgresClientStore implements ClientStore {
  /** The migrations' component in {@code schema_migrations}. */
  public static final String COMPONENT = "clients";

  private static final String DIRECTORY = "/db/postgres-clients/";
  private static final List<String> MIGRATIONS = List.of("V1__clients.sql");
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;
  private final AutoCloseable onClose;
  private final Clock clock;
  private final ClientRow.Mapper mapper = new ClientRow.Mapper();

  private PostgresClientStore(Jdbi jdbi, AutoCloseable onClose, Clock clock) {
    this.jdbi = jdbi;
    this.onClose = onClose;
    this.clock = clock;
  }

  /**
   * Opens the clients' tables in {@code dataSource}'s database, first applying pending migrations
   * (which needs the schema owner's role; a role with only SELECT and INSERT opens an up-to-date
   * schema without touching it).
   *
   * @param onClose releases the data source (a pool's {@code stop}); run by {@link #close}, and
   *     here if opening fails
   * @throws StoreException if the database cannot be reached, or the schema is missing or behind
   *     and the role may not create it (the message says to run {@code migrate config.yml})
   */
  public static PostgresClientStore open(DataSource dataSource, AutoCloseable onClose, Clock clock) {
    Jdbi jdbi = Jdbi.create(dataSource);
    try {
      migrate(jdbi);
    } catch (RuntimeException e) {
      try {
        onClose.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e instanceof StoreException ? e
          : new StoreException("opening the API clients' tables failed: " + e.getMessage(), e);
    }
    return new PostgresClientStore(jdbi, onClose, clock);
  }

  /** Applies the clients' pending migrations; does nothing (and needs no privilege) when none is. */
  static void migrate(Jdbi jdbi) {
    if (PostgresMigrations.appliedVersion(jdbi, COMPONENT) < MIGRATIONS.size()) {
      PostgresMigrations.apply(jdbi, COMPONENT, DIRECTORY, MIGRATIONS);
    }
  }

  @Override
  public String add(String name, Role role, String source) {
    ApiClient client = new ApiClient(name, role, source);
    String token = BearerTokens.generate();
    byte[] hash = BearerTokens.hash(token).bytes();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    nameHolder(client.name()).ifPresent(holder -> {
      throw ClientException.nameTaken(client.name(), holder);
    });
    try {
      jdbi.useHandle(h -> h.createUpdate("INSERT INTO clients"
              + " (name, role, source, token_hash, created_at)"
              + " VALUES (:name, :role, :source, :hash, :createdAt)")
          .bind("name", client.name()).bind("role", role.externalName())
          .bind("source", source).bind("hash", hash).bind("createdAt", timestamp(now))
          .execute());
    } catch (JdbiException e) {
      // Another process added the name (in some case) since the check: its unique index refused.
      if (isUniqueViolation(e)) {
        Optional<String> holder = nameHolder(client.name());
        if (holder.isPresent()) {
          throw ClientException.nameTaken(client.name(), holder.get());
        }
      }
      throw failure("adding the client failed", e);
    }
    return token;
  }

  @Override
  public boolean revoke(String name) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    int revoked;
    try {
      revoked = jdbi.withHandle(h -> h.createUpdate("INSERT INTO client_revocations"
              + " (client_id, revoked_at) SELECT c.id, :at FROM clients c WHERE c.name = :name"
              + " AND NOT EXISTS (SELECT 1 FROM client_revocations r WHERE r.client_id = c.id)")
          .bind("name", name).bind("at", timestamp(now))
          .execute());
    } catch (JdbiException e) {
      if (isUniqueViolation(e)) {
        return false; // another process revoked it at the same moment; its time stands
      }
      throw failure("revoking the client failed", e);
    }
    if (revoked == 1) {
      return true;
    }
    if (byExactName(name).isPresent()) {
      return false;
    }
    throw new ClientException("there is no client named '" + name + "'");
  }

  @Override
  public Optional<ApiClient> authenticate(String token) {
    if (!BearerTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    byte[] presented = BearerTokens.hash(token).bytes();
    Optional<ClientRow> found = read(() -> jdbi.withHandle(h ->
        h.createQuery(ClientRow.SELECT + " WHERE c.token_hash = :hash")
            .bind("hash", presented).map(mapper).findOne()));
    return found
        .filter(row -> MessageDigest.isEqual(row.tokenHash().bytes(), presented))
        .filter(ClientRow::isActive)
        .map(ClientRow::client);
  }

  @Override
  public Optional<ApiClient> active(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return byExactName(name).filter(ClientRow::isActive).map(ClientRow::client);
  }

  @Override
  public List<StoredClient> list() {
    return all().stream().map(ClientRow::stored).toList();
  }

  @Override
  public List<ExportedClient> exportForCopy() {
    return all().stream().map(ClientRow::exported).toList();
  }

  @Override
  public void importCopy(List<ExportedClient> clients) {
    try {
      jdbi.useTransaction(h -> {
        if (h.createQuery("SELECT EXISTS (SELECT 1 FROM clients)").mapTo(Boolean.class).one()) {
          throw new ClientException("refusing to import clients into a database that already"
              + " holds some");
        }
        for (ExportedClient copy : clients) {
          ApiClient client = copy.stored().client();
          long id = h.createQuery("INSERT INTO clients"
                  + " (name, role, source, token_hash, created_at)"
                  + " VALUES (:name, :role, :source, :hash, :createdAt) RETURNING id")
              .bind("name", client.name()).bind("role", client.role().externalName())
              .bind("source", client.source()).bind("hash", copy.tokenHash().bytes())
              .bind("createdAt", timestamp(copy.stored().createdAt()))
              .mapTo(Long.class).one();
          if (copy.stored().revokedAt() != null) {
            h.createUpdate("INSERT INTO client_revocations (client_id, revoked_at)"
                    + " VALUES (:id, :at)")
                .bind("id", id).bind("at", timestamp(copy.stored().revokedAt())).execute();
          }
        }
      });
    } catch (JdbiException e) {
      if (isUniqueViolation(e)) {
        throw new ClientException("refusing to import the clients: two of them have the same"
            + " name ignoring case, or the same token hash; nothing was imported");
      }
      throw failure("importing the clients failed", e);
    }
  }

  @Override
  public void close() {
    try {
      onClose.close();
    } catch (Exception e) {
      throw new StoreException("closing the API clients' database failed", e);
    }
  }

  private List<ClientRow> all() {
    // By id, not created_at: two clients may share a millisecond, and ids only grow.
    return read(() -> jdbi.withHandle(h ->
        h.createQuery(ClientRow.SELECT + " ORDER BY c.id").map(mapper).list()));
  }

  private Optional<ClientRow> byExactName(String name) {
    return read(() -> jdbi.withHandle(h ->
        h.createQuery(ClientRow.SELECT + " WHERE c.name = :name")
            .bind("name", name).map(mapper).findOne()));
  }

  /** The name of the client whose name equals {@code name} ignoring case, if one ever existed. */
  private Optional<String> nameHolder(String name) {
    return read(() -> jdbi.withHandle(h ->
        h.createQuery("SELECT name FROM clients WHERE lower(name) = lower(:name)")
            .bind("name", name).mapTo(String.class).findOne()));
  }

  private static <T> T read(Supplier<T> query) {
    try {
      return query.get();
    } catch (JdbiException e) {
      throw failure("reading the API clients failed", e);
    }
  }

  /** A failure that names what failed and the database's reason; no statement holds a token. */
  private static StoreException failure(String what, JdbiException e) {
    Throwable cause = e.getCause() instanceof SQLException sql ? sql : e;
    return new StoreException(what + ": " + cause.getMessage(), e);
  }

  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A TIMESTAMPTZ parameter, bound as JDBC 4.2's OffsetDateTime: exact, whatever the JVM's zone. */
  private static Argument timestamp(Instant instant) {
    OffsetDateTime utc = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    return (position, statement, ctx) -> statement.setObject(position, utc);
  }
}
