package io.accessledger.auth.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.ClientStoreContract;
import io.accessledger.auth.Role;
import io.accessledger.config.LedgerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client store contract against {@code clients.db}, where "another process" is a second
 * {@link SqliteClientStore} on the same file, with its own pool and cache; and what only SQLite
 * has: the file's mode, the schema's triggers and checks, and the cache's use of data_version.
 */
class SqliteClientStoreTest extends ClientStoreContract {
  @TempDir Path dir;
  private LedgerFactory factory;
  private Clock storeClock;
  private final List<SqliteClientStore> opened = new ArrayList<>();

  @Override
  protected ClientStore newStore(Clock clock) {
    factory = new LedgerFactory();
    factory.setDataDir(dir.resolve("data").toString());
    storeClock = clock;
    // The factory creates the file as the server and commands do (mode 0600) and migrates it.
    factory.openClients(new MetricRegistry()).close();
    return openAnother();
  }

  /** Another store on the same file, as the CLI opens while the server runs. */
  @Override
  protected SqliteClientStore openAnother() {
    // Each pool registers its gauges, so each store gets its own registry, as each process would.
    SqliteClientStore another =
        SqliteClientStore.open(factory.clientsFile(), new MetricRegistry(), storeClock);
    opened.add(another);
    return another;
  }

  /**
   * The file and its WAL, read while the open stores keep the WAL from being checkpointed away,
   * then the file once all are closed.
   */
  @Override
  protected List<byte[]> persistedBytes() throws Exception {
    List<byte[]> snapshots = new ArrayList<>();
    for (String suffix : List.of("", "-wal")) {
      Path file = Path.of(factory.clientsFile() + suffix);
      if (Files.exists(file)) {
        snapshots.add(Files.readAllBytes(file));
      }
    }
    closeAll();
    snapshots.add(Files.readAllBytes(factory.clientsFile()));
    return snapshots;
  }

  @Override
  protected void closeAll() {
    opened.forEach(SqliteClientStore::close);
    opened.clear();
  }

  private SqliteClientStore sqlite() {
    return (SqliteClientStore) store;
  }

  private Jdbi rawJdbi() {
    return Jdbi.create("jdbc:sqlite:" + factory.clientsFile());
  }

  @Test
  void theSchemaRefusesWhatTheCodeNeverWrites() {
    store.add("dpo", Role.AUDITOR, null);
    Jdbi jdbi = rawJdbi();
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("DELETE FROM clients")))
        .hasMessageContaining("never deleted");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE clients SET role = 'admin'")))
        .hasMessageContaining("only be revoked");
    jdbi.useHandle(h -> h.execute("UPDATE clients SET revoked_at = '2026-01-01T00:00:00Z'"));
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("UPDATE clients SET revoked_at = NULL")))
        .as("no un-revoking").hasMessageContaining("only be revoked");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
            "INSERT INTO clients (name, role, source, token_hash, created_at)"
                + " VALUES ('feed', 'ingest', NULL, zeroblob(32), 'now')")))
        .as("ingest without source").hasMessageContaining("CHECK");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
            "INSERT INTO clients (name, role, source, token_hash, created_at)"
                + " VALUES ('feed', 'auditor', NULL, zeroblob(31), 'now')")))
        .as("short hash").hasMessageContaining("CHECK");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute(
            "INSERT INTO clients (name, role, source, token_hash, created_at)"
                + " VALUES ('bad name', 'auditor', NULL, zeroblob(32), 'now')")))
        .as("bad name").hasMessageContaining("CHECK");
  }

  @Test
  void theFileIsPrivateAndSeparateFromTheLedger() throws Exception {
    store.add("dpo", Role.AUDITOR, null);
    assertThat(factory.clientsFile().getFileName().toString()).isEqualTo("clients.db");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(factory.clientsFile())))
        .isEqualTo("rw-------");
    Path wal = Path.of(factory.clientsFile() + "-wal");
    assertThat(wal).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)))
        .isEqualTo("rw-------");
    assertThat(factory.databaseFile()).doesNotExist();
  }

  @Test
  void reopeningKeepsTheClientsAndDoesNotMigrateAgain() {
    String token = store.add("dpo", Role.AUDITOR, null);
    closeAll();
    SqliteClientStore again = openAnother();
    assertThat(again.authenticate(token)).isPresent();
  }

  /**
   * The cache holds a client from memory while data_version is unchanged; a commit by any other
   * connection, not only another SqliteClientStore, changes it and so empties the cache.
   */
  @Test
  void aRevocationWrittenByAnyConnectionEmptiesTheCache() {
    String token = store.add("dpo", Role.AUDITOR, null);
    for (int i = 0; i < 3; i++) {
      assertThat(store.authenticate(token)).as("served from the cache").isPresent();
    }
    rawJdbi().useHandle(h -> h.execute("UPDATE clients SET revoked_at = '2026-01-01T00:00:00Z'"));
    assertThat(store.authenticate(token)).isEmpty();
    assertThat(sqlite().list().get(0).isActive()).isFalse();
  }

  /** The copy migrate-ledger makes, here into another clients.db: same tokens, same list. */
  @Test
  void anExportImportedIntoAnEmptyStoreAuthenticatesTheSameTokens() throws Exception {
    String kept = store.add("dpo", Role.AUDITOR, null);
    String revoked = store.add("feed", Role.INGEST, "carefirst");
    store.revoke("feed");
    LedgerFactory other = new LedgerFactory();
    other.setDataDir(dir.resolve("other").toString());
    try (var copy = other.openClients(new MetricRegistry())) {
      copy.importCopy(store.exportForCopy());
      assertThat(copy.list()).isEqualTo(store.list());
      assertThat(copy.authenticate(kept)).isPresent();
      assertThat(copy.authenticate(revoked)).isEmpty();
      assertThatThrownBy(() -> copy.importCopy(store.exportForCopy()))
          .isInstanceOf(io.accessledger.auth.ClientException.class)
          .hasMessageContaining("already holds");
    }
  }
}
