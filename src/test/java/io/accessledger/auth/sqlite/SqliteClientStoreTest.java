package io.accessledger.auth.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.LedgerFactory;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.BearerTokens;
import io.accessledger.auth.ClientException;
import io.accessledger.auth.Role;
import io.accessledger.auth.StoredClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteClientStoreTest {
  @TempDir Path dir;
  private LedgerFactory factory;
  private final List<SqliteClientStore> opened = new ArrayList<>();
  private SqliteClientStore store;

  @BeforeEach
  void open() {
    factory = new LedgerFactory();
    factory.setDataDir(dir.resolve("data").toString());
    store = openAnother();
  }

  /** Another store on the same file, as the CLI opens while the server runs. */
  private SqliteClientStore openAnother() {
    // Each pool registers its gauges, so each store gets its own registry, as each process would.
    SqliteClientStore another = factory.openClients(new MetricRegistry());
    opened.add(another);
    return another;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteClientStore::close);
  }

  @Test
  void addReturnsAFreshPrefixedTokenThatAuthenticatesTheClient() {
    String token = store.add("carefirst-prod", Role.INGEST, "carefirst");
    assertThat(token).hasSize(47).startsWith("alt_").matches("alt_[A-Za-z0-9_-]{43}");
    assertThat(BearerTokens.isWellFormed(token)).isTrue();
    assertThat(store.authenticate(token))
        .contains(new ApiClient("carefirst-prod", Role.INGEST, "carefirst"));
    String other = store.add("dpo", Role.AUDITOR, null);
    assertThat(other).isNotEqualTo(token);
    assertThat(store.authenticate(other)).contains(new ApiClient("dpo", Role.AUDITOR, null));
  }

  @Test
  void theFilesNeverHoldTheTokenOnlyItsHash() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tokens.add(store.add("client-" + i, Role.INVESTIGATOR, null));
    }
    store.revoke("client-3");
    byte[] hashOfFirst = BearerTokens.hash(tokens.get(0)).bytes();
    // Read the WAL while a second store keeps it from being checkpointed away, then the closed files.
    SqliteClientStore reader = openAnother();
    assertThat(reader.list()).hasSize(20);
    List<byte[]> snapshots = new ArrayList<>();
    for (String suffix : List.of("", "-wal")) {
      Path file = Path.of(factory.clientsFile() + suffix);
      if (Files.exists(file)) {
        snapshots.add(Files.readAllBytes(file));
      }
    }
    closeAll();
    opened.clear();
    snapshots.add(Files.readAllBytes(factory.clientsFile()));
    assertThat(snapshots).isNotEmpty();
    String all = String.join("\n",
        snapshots.stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList());
    for (String token : tokens) {
      assertThat(all).doesNotContain(token).doesNotContain(token.substring(4, 24));
    }
    assertThat(all).contains(new String(hashOfFirst, StandardCharsets.ISO_8859_1));
  }

  @Test
  void wrongAlteredAndMalformedTokensAreRefused() {
    String token = store.add("dpo", Role.AUDITOR, null);
    assertThat(store.authenticate(BearerTokens.generate())).isEmpty();
    for (int i = 4; i < token.length(); i++) {
      char c = token.charAt(i);
      String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      assertThat(store.authenticate(altered)).as("changed at %d", i).isEmpty();
    }
    assertThat(store.authenticate(null)).isEmpty();
    assertThat(store.authenticate("")).isEmpty();
    assertThat(store.authenticate(token + "x")).isEmpty();
    assertThat(store.authenticate(token.substring(0, 46))).isEmpty();
    assertThat(store.authenticate("xyz_" + token.substring(4))).isEmpty();
    assertThat(store.authenticate(token.substring(0, 46) + "=")).isEmpty();
    assertThat(store.authenticate(token.toUpperCase(java.util.Locale.ROOT))).isEmpty();
    assertThat(store.authenticate(token)).isPresent();
  }

  @Test
  void aRevokedClientIsRefusedAtOnceAlsoByAnotherOpenStore() {
    SqliteClientStore server = openAnother();
    String token = store.add("investigator-1", Role.INVESTIGATOR, null);
    assertThat(server.authenticate(token)).isPresent(); // the server sees a client the CLI added

    assertThat(store.revoke("investigator-1")).isTrue(); // the CLI revokes while the server runs
    assertThat(server.authenticate(token)).isEmpty();
    assertThat(store.authenticate(token)).isEmpty();
    assertThat(store.revoke("investigator-1")).as("already revoked").isFalse();

    StoredClient listed = server.list().get(0);
    assertThat(listed.client().name()).isEqualTo("investigator-1");
    assertThat(listed.isActive()).isFalse();
    assertThat(listed.revokedAt()).isAfterOrEqualTo(listed.createdAt());
  }

  @Test
  void revokingAnUnknownNameFails() {
    store.add("dpo", Role.AUDITOR, null);
    assertThatThrownBy(() -> store.revoke("nobody"))
        .isInstanceOf(ClientException.class).hasMessageContaining("no client named 'nobody'");
    assertThatThrownBy(() -> store.revoke("DPO"))
        .as("names are matched exactly").isInstanceOf(ClientException.class);
  }

  @Test
  void aNameIsNeverReusedEvenAfterRevocationOrInAnotherCase() {
    String first = store.add("dpo", Role.AUDITOR, null);
    assertThatThrownBy(() -> store.add("dpo", Role.ADMIN, null))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("'dpo' is taken").hasMessageContaining("never reused");
    store.revoke("dpo");
    assertThatThrownBy(() -> store.add("dpo", Role.AUDITOR, null)).isInstanceOf(ClientException.class);
    assertThatThrownBy(() -> store.add("DPO", Role.AUDITOR, null))
        .isInstanceOf(ClientException.class).hasMessageContaining("(by 'dpo')");
    assertThat(store.list()).hasSize(1);
    assertThat(store.authenticate(first)).isEmpty();
  }

  @Test
  void ingestNeedsASourceAndOtherRolesTakeNone() {
    assertThatThrownBy(() -> store.add("feed", Role.INGEST, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a source system");
    for (Role role : List.of(Role.AUDITOR, Role.INVESTIGATOR, Role.ADMIN)) {
      assertThatThrownBy(() -> store.add("x-" + role, role, "carefirst"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("only ingest clients have a source system");
    }
    assertThat(store.list()).isEmpty();
  }

  @Test
  void theLedgersOwnSourceAndBadIdentifiersAreRefused() {
    assertThatThrownBy(() -> store.add("feed", Role.INGEST, "ledger"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    for (String bad : List.of("", "has space", "slash/name", "x".repeat(65), "naïve", "semi;colon")) {
      assertThatThrownBy(() -> store.add(bad, Role.AUDITOR, null))
          .as("name '%s'", bad).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.add("feed", Role.INGEST, bad))
          .as("source '%s'", bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(store.add("A.b_c-9".repeat(9) + "z", Role.INGEST, "x".repeat(64))).isNotNull();
    assertThat(store.list()).hasSize(1);
  }

  @Test
  void theSchemaRefusesWhatTheCodeNeverWrites() {
    store.add("dpo", Role.AUDITOR, null);
    var jdbi = org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + factory.clientsFile());
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
    opened.clear();
    SqliteClientStore again = openAnother();
    assertThat(again.authenticate(token)).isPresent();
  }
}
