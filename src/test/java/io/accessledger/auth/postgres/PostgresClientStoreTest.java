package io.accessledger.auth.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.BearerTokens;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.ClientStoreContract;
import io.accessledger.auth.ExportedClient;
import io.accessledger.auth.Role;
import io.accessledger.store.StoreException;
import io.accessledger.store.postgres.PostgresDataSources;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client store contract on a real PostgreSQL database, where the store under test and
 * "another process" both run as the server's role {@code app} (SELECT and INSERT only), after the
 * owner applied the migrations; and what only PostgreSQL has: the grants, the triggers, and no
 * memory that could outlive a revocation made by another node.
 */
class PostgresClientStoreTest extends ClientStoreContract {
  private TestDatabase db;
  private Clock storeClock;
  private final List<ClientStore> opened = new ArrayList<>();

  @Override
  protected ClientStore newStore(Clock clock) {
    db = TestPostgres.shared().newDatabase();
    storeClock = clock;
    open(db.owner(), db.ownerPassword()).close(); // the owner migrates, as `migrate` does
    return openAnother();
  }

  /** Another store as the server's role, with its own pool: another node or a command. */
  @Override
  protected ClientStore openAnother() {
    return open(db.app(), db.appPassword());
  }

  private PostgresClientStore open(String user, String password) {
    ManagedDataSource pool = PostgresDataSources.pooled(db.url(), user, password,
        new MetricRegistry(), 4, "clients");
    PostgresClientStore store = PostgresClientStore.open(pool, pool::stop, storeClock);
    opened.add(store);
    return store;
  }

  /**
   * What the database's files hold once everything is on disk: every relation of this database
   * (tables, indexes, TOAST) and the write-ahead log, read from the cluster's data directory.
   */
  @Override
  protected List<byte[]> persistedBytes() throws Exception {
    closeAll();
    db.asSuperuser("CHECKPOINT", "GRANT pg_read_all_settings TO " + db.owner());
    List<byte[]> bytes = new ArrayList<>();
    try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
      java.nio.file.Path data;
      try (var rs = s.executeQuery("SELECT current_setting('data_directory')")) {
        rs.next();
        data = java.nio.file.Path.of(rs.getString(1));
      }
      List<String> files = new ArrayList<>();
      try (var rs = s.executeQuery("SELECT pg_relation_filepath(oid) FROM pg_class"
          + " WHERE pg_relation_filepath(oid) IS NOT NULL AND relnamespace IN"
          + " ('public'::regnamespace, 'pg_toast'::regnamespace)")) {
        while (rs.next()) {
          files.add(rs.getString(1));
        }
      }
      for (String file : files) {
        java.nio.file.Path path = data.resolve(file);
        if (java.nio.file.Files.exists(path)) {
          bytes.add(java.nio.file.Files.readAllBytes(path));
        }
      }
      try (var wal = java.nio.file.Files.list(data.resolve("pg_wal"))) {
        for (java.nio.file.Path segment : wal.filter(java.nio.file.Files::isRegularFile).toList()) {
          bytes.add(java.nio.file.Files.readAllBytes(segment));
        }
      }
    }
    return bytes;
  }

  @Override
  protected void closeAll() {
    opened.forEach(ClientStore::close);
    opened.clear();
  }

  private Connection asApp() throws Exception {
    return DriverManager.getConnection(db.url(), db.app(), db.appPassword());
  }

  /** The server's role revokes by INSERT; it can neither change nor remove a client. */
  @Test
  void theServersRoleCanOnlyReadAndAddAndTheTriggersRefuseTheRestToTheOwner() throws Exception {
    store.add("dpo", Role.AUDITOR, null);
    store.revoke("dpo");
    try (Connection c = asApp(); Statement s = c.createStatement()) {
      for (String sql : List.of("UPDATE clients SET role = 'admin'", "DELETE FROM clients",
          "DELETE FROM client_revocations", "TRUNCATE client_revocations",
          "CREATE TABLE scribble (x INT)")) {
        assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("permission denied");
      }
    }
    for (String sql : List.of("UPDATE clients SET role = 'admin'", "DELETE FROM clients",
        "DELETE FROM client_revocations", "UPDATE client_revocations SET revoked_at = now()",
        "TRUNCATE clients CASCADE", "TRUNCATE client_revocations")) {
      assertThatThrownBy(() -> db.asOwner(sql)).as(sql)
          .hasMessageContaining("only ever added and revoked");
    }
    assertThatThrownBy(() -> db.asOwner("INSERT INTO clients (name, role, source, token_hash,"
            + " created_at) VALUES ('feed', 'ingest', NULL, '\\x00'::bytea, now())"))
        .as("ingest without a source, short hash").hasMessageContaining("check constraint");
    assertThatThrownBy(() -> db.asOwner("INSERT INTO clients (name, role, token_hash,"
            + " created_at) VALUES ('bad name', 'auditor', sha256('x'), now())"))
        .hasMessageContaining("check constraint");
    assertThat(store.list()).singleElement().satisfies(c -> assertThat(c.isActive()).isFalse());
  }

  /**
   * Nothing is remembered between requests: a revocation written by any connection (here a bare
   * INSERT as the server's role, as another node's store or revoke-client would write it) is
   * refused by a store that accepted the token a moment before, many times over.
   */
  @Test
  void aRevocationWrittenByAnyConnectionIsSeenByTheNextAuthentication() throws Exception {
    String token = store.add("dpo", Role.AUDITOR, null);
    ClientStore otherNode = openAnother();
    for (int i = 0; i < 50; i++) {
      assertThat(store.authenticate(token)).isPresent();
      assertThat(otherNode.authenticate(token)).isPresent();
      assertThat(otherNode.active("dpo")).isPresent();
    }
    try (Connection c = asApp(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO client_revocations (client_id, revoked_at)"
          + " SELECT id, now() FROM clients WHERE name = 'dpo'");
    }
    assertThat(store.authenticate(token)).isEmpty();
    assertThat(otherNode.authenticate(token)).isEmpty();
    assertThat(otherNode.active("dpo")).isEmpty();
    assertThat(store.revoke("dpo")).as("already revoked").isFalse();
  }

  /** Two nodes revoking one client at the same moment: one revocation, both told it is done. */
  @Test
  void racingRevocationsFromTwoNodesRecordOne() throws Exception {
    String token = store.add("dpo", Role.AUDITOR, null);
    ClientStore otherNode = openAnother();
    var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      var a = threads.submit(() -> {
        start.await();
        return store.revoke("dpo");
      });
      var b = threads.submit(() -> {
        start.await();
        return otherNode.revoke("dpo");
      });
      start.countDown();
      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
    } finally {
      threads.shutdownNow();
    }
    assertThat(store.authenticate(token)).isEmpty();
  }

  /** The copy migrate-ledger makes: same order, hashes, times and revocations; only when empty. */
  @Test
  void anExportImportedIntoAnEmptyStoreAuthenticatesTheSameTokens() throws Exception {
    String kept = store.add("dpo", Role.AUDITOR, null);
    clock.set(Instant.parse("2026-03-01T09:30:00.125Z"));
    String revoked = store.add("feed", Role.INGEST, "carefirst");
    store.revoke("feed");
    List<ExportedClient> exported = store.exportForCopy();
    assertThat(exported.toString()).doesNotContain(exported.get(0).tokenHash().hex());

    TestDatabase target = db;
    db = TestPostgres.shared().newDatabase();
    ClientStore copy = open(db.owner(), db.ownerPassword());
    copy.importCopy(exported);
    assertThat(copy.list()).isEqualTo(store.list());
    assertThat(copy.authenticate(kept)).contains(new ApiClient("dpo", Role.AUDITOR, null));
    assertThat(copy.authenticate(revoked)).isEmpty();
    assertThatThrownBy(() -> copy.importCopy(exported)).isInstanceOf(ClientException.class)
        .hasMessageContaining("already holds");
    assertThat(copy.list()).hasSize(2);
    assertThat(target).isNotEqualTo(db);
  }

  /** Without the schema, the server's role says what to do rather than half-creating it. */
  @Test
  void theServersRoleOnAnEmptyDatabaseIsToldToMigrateWithTheOwner() {
    db = TestPostgres.shared().newDatabase();
    assertThatThrownBy(() -> open(db.app(), db.appPassword()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("permission denied").hasMessageContaining("migrate config.yml");
    assertThat(BearerTokens.isWellFormed(store.add("dpo", Role.AUDITOR, null))).isTrue();
  }
}
