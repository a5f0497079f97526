package io.accessledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.support.CliRunner;
import io.accessledger.support.Configs;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TestLedger;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate-ledger FROM TO} from a real SQLite ledger into a real, empty PostgreSQL database;
 * then a real server process on the copy, configured through the environment as CONTRACT section
 * 7 says and running as the server's role, takes the old tokens and signs with the same key.
 */
class MigrateLedgerCommandTest {
  private static final int ENTRIES = 30;

  @TempDir Path dir;
  private TestDatabase db;
  private Path oldData;
  private Path newData;
  private Path from;
  private Path to;
  private String ingest;
  private String auditor;
  private String revoked;

  @BeforeEach
  void buildTheOldLedger() throws Exception {
    oldData = dir.resolve("old");
    newData = dir.resolve("new");
    from = CliRunner.writeConfig(dir, oldData);
    db = TestPostgres.shared().newDatabase();
    to = PostgresConfig.asOwner(dir, "to", newData, db);
    try (LedgerRuntime ledger = LedgerRuntime.open(ledger(from), new MetricRegistry(),
        Clock.systemUTC())) {
      TestLedger.appendViews(ledger.sequencer(), ENTRIES);
    }
    ingest = ServerProcess.addClient(from, "records-system", "ingest", "lcs");
    auditor = ServerProcess.addClient(from, "dpo", "auditor", null);
    revoked = ServerProcess.addClient(from, "former-dpo", "auditor", null);
    assertThat(CliRunner.run("revoke-client", from.toString(), "--name", "former-dpo")
        .succeeded()).isTrue();
  }

  private static LedgerFactory ledger(Path config) throws Exception {
    return Configs.yaml(Files.readString(config)).getLedger();
  }

  private static Optional<StoredCheckpoint> latest(Path config) throws Exception {
    try (LedgerStore store = ledger(config).openStoreReadOnly()) {
      return store.latestCheckpoint();
    }
  }

  private CliRunner.Outcome migrate() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("migrate-ledger", from.toString(), to.toString());
    assertThat(outcome.stdout() + outcome.stderr()).doesNotContain(db.ownerPassword());
    return outcome;
  }

  @Test
  void theCopyVerifiesWithTheSameRootAndAServerOnItTakesTheOldTokensAndKey() throws Exception {
    CliRunner.Outcome migrated = migrate();
    assertThat(migrated.succeeded()).as(migrated.stderr()).isTrue();
    assertThat(migrated.stdout())
        .contains("copied " + ENTRIES + " entries, " + (ENTRIES + 1)
            + " signed checkpoints and 3 API clients")
        .contains("both verify; latest checkpoint: size " + ENTRIES + ", root "
            + latest(from).get().root().hex())
        .contains("signing key copied to " + newData.resolve("signing.key") + " (mode 0600)");
    assertThat(Files.readAllBytes(newData.resolve("signing.key")))
        .isEqualTo(Files.readAllBytes(oldData.resolve("signing.key")));
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(newData.resolve("signing.key")))).isEqualTo("rw-------");
    assertThat(latest(to)).isEqualTo(latest(from));
    for (Path config : List.of(from, to)) {
      CliRunner.Outcome verified = CliRunner.run("verify", config.toString());
      assertThat(verified.succeeded()).as(verified.stderr()).isTrue();
      assertThat(verified.stdout()).contains("ledger intact: " + ENTRIES + " entries, "
          + (ENTRIES + 1) + " signed checkpoints");
    }

    Map<String, String> env = new HashMap<>(db.serverEnv());
    env.put("LEDGER_DATA_DIR", newData.toString());
    env.put("LEDGER_ORIGIN", TestLedger.ORIGIN);
    String verifierKey;
    try (ServerProcess node = ServerProcess.startWithEnv(dir, "node", env, List.of("-Xmx256m"))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> log = http.send(HttpRequest.newBuilder(node.uri("/v1/log"))
          .header("Authorization", "Bearer " + auditor).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
      // The read is recorded first (AUDIT_QUERY at seq ENTRIES), as on the old ledger.
      assertThat(log.body()).contains("\"treeSize\":" + (ENTRIES + 1));
      verifierKey = ledger(from).openSigner(true).verifierKey().toString();
      assertThat(log.body()).contains(verifierKey);
      HttpResponse<String> posted = http.send(HttpRequest.newBuilder(node.uri("/v1/events"))
          .header("Authorization", "Bearer " + ingest).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/events/view.json")))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      assertThat(posted.body()).contains("\"seq\":" + (ENTRIES + 1));
      HttpResponse<String> refused = http.send(HttpRequest.newBuilder(node.uri("/v1/log"))
          .header("Authorization", "Bearer " + revoked).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as("revoked before the copy").isEqualTo(401);
      assertThat(node.stop()).isIn(0, 143);
    }
    assertThat(Files.readString(dir.resolve("node.out")))
        .doesNotContain(db.appPassword()).doesNotContain(db.ownerPassword());
    CliRunner.Outcome after = CliRunner.run("verify", to.toString(), "--key", verifierKey);
    assertThat(after.succeeded()).as(after.stderr()).isTrue();
    assertThat(after.stdout()).contains("ledger intact: " + (ENTRIES + 2) + " entries");
  }

  @Test
  void aTargetThatIsNotEmptyIsRefusedAndKeepsWhatItHeld() throws Exception {
    assertThat(migrate().succeeded()).isTrue();
    Optional<StoredCheckpoint> before = latest(to);
    CliRunner.Outcome again = migrate();
    assertThat(again.succeeded()).isFalse();
    assertThat(again.stderr()).contains("migrate-ledger: the target is not empty: it holds "
        + ENTRIES + " entries, checkpoints up to size " + ENTRIES + " and 3 API clients");
    assertThat(latest(to)).isEqualTo(before);
  }

  @Test
  void aDoctoredSourceIsRefusedNamingTheFirstBadSeqAndNothingIsCopied() throws Exception {
    TestLedger.tamper(oldData.resolve("ledger.db"),
        "UPDATE leaves SET leaf = CAST(replace(CAST(leaf AS TEXT), 'worker-1', 'worker-2')"
            + " AS BLOB) WHERE seq = 7");
    CliRunner.Outcome refused = migrate();
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr()).contains("the source ledger does not verify")
        .contains("first bad seq 7");
    assertThat(latest(to)).isEmpty();
    assertThat(newData.resolve("signing.key")).as("no key copied").doesNotExist();
    try (var clients = ledger(to).openClients(new MetricRegistry())) {
      assertThat(clients.list()).isEmpty();
    }
  }

  @Test
  void aTargetDirectoryWithAnotherKeyIsRefusedBeforeAnythingIsWritten() throws Exception {
    Files.createDirectories(newData,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ledger(to).openSigner(false); // a fresh key of its own
    CliRunner.Outcome refused = migrate();
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr()).contains("holds another signing key");
    assertThat(ledger(to).databaseExists()).as("not even the schema").isFalse();
  }

  @Test
  void aSourceAServerIsWritingIsRefused() throws Exception {
    try (AutoCloseable server = ledger(from).holdWriterLock()) {
      CliRunner.Outcome refused = migrate();
      assertThat(refused.succeeded()).isFalse();
      assertThat(refused.stderr()).contains("another process is writing the ledger");
    }
    assertThat(ledger(to).databaseExists()).isFalse();
  }
}
