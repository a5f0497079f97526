package io.accessledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientStore;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.support.CliRunner;
import io.accessledger.support.TestLedger;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on PostgreSQL, run as the jar runs them: {@code migrate} as the schema's owner,
 * then {@code add-client}, {@code revoke-client} and {@code verify} as the server's role, which may
 * only SELECT and INSERT. No output ever holds a password.
 */
class PostgresCommandsTest {
  @TempDir Path dir;
  private TestDatabase db;
  private Path data;
  private Path owner;
  private Path server;

  @BeforeEach
  void configure() throws Exception {
    db = TestPostgres.shared().newDatabase();
    data = dir.resolve("data");
    owner = PostgresConfig.asOwner(dir, "owner", data, db);
    server = PostgresConfig.asServer(dir, "server", data, db);
  }

  private CliRunner.Outcome run(String... args) throws Exception {
    CliRunner.Outcome outcome = CliRunner.run(args);
    assertThat(outcome.stdout() + outcome.stderr()).as("no password is printed")
        .doesNotContain(db.appPassword()).doesNotContain(db.ownerPassword());
    return outcome;
  }

  private static String token(CliRunner.Outcome added) {
    assertThat(added.succeeded()).as(added.stderr()).isTrue();
    List<String> lines = added.stdout().strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  private LedgerFactory factory(Path config) throws Exception {
    AccessLedgerConfiguration configuration = io.accessledger.support.Configs.yaml(
        Files.readString(config));
    return configuration.getLedger();
  }

  @Test
  void migrateAsTheOwnerThenTheServersRoleAddsAndRevokesClients() throws Exception {
    CliRunner.Outcome migrated = run("migrate", owner.toString());
    assertThat(migrated.succeeded()).as(migrated.stderr()).isTrue();
    assertThat(migrated.stdout()).contains("schema up to date in PostgreSQL " + db.url()
        + " as " + db.owner());
    assertThat(data).as("migrate makes no key").doesNotExist();
    assertThat(run("migrate", owner.toString()).succeeded()).as("again: nothing to do").isTrue();

    String token = token(run("add-client", server.toString(), "--name", "dpo", "--role",
        "auditor"));
    assertThat(data.resolve("signing.key")).as("the first command makes the key").exists();
    try (ClientStore node = factory(server).openClients(new MetricRegistry())) {
      assertThat(node.authenticate(token)).isPresent();
      CliRunner.Outcome revoked = run("revoke-client", server.toString(), "--name", "dpo");
      assertThat(revoked.succeeded()).as(revoked.stderr()).isTrue();
      assertThat(revoked.stdout()).contains("revoked API client dpo");
      assertThat(node.authenticate(token)).as("refused at the next request").isEmpty();
    }
    CliRunner.Outcome again = run("revoke-client", server.toString(), "--name", "dpo");
    assertThat(again.stdout()).contains("already revoked");
    CliRunner.Outcome unknown = run("revoke-client", server.toString(), "--name", "nobody");
    assertThat(unknown.succeeded()).isFalse();
    assertThat(unknown.stderr()).contains("no client named 'nobody'");
  }

  @Test
  void theServersRoleOnAnEmptyDatabaseIsToldToRunMigrate() throws Exception {
    CliRunner.Outcome added = run("add-client", server.toString(), "--name", "dpo", "--role",
        "auditor");
    assertThat(added.succeeded()).isFalse();
    assertThat(added.stderr()).startsWith("add-client: ").contains("permission denied")
        .contains("migrate config.yml");
    CliRunner.Outcome revoked = run("revoke-client", server.toString(), "--name", "dpo");
    assertThat(revoked.stderr()).contains("no client named 'dpo'")
        .contains("the API clients' tables in PostgreSQL");
    CliRunner.Outcome verified = run("verify", owner.toString());
    assertThat(verified.succeeded()).isFalse();
    assertThat(verified.stderr()).contains("no ledger at PostgreSQL " + db.url());
    assertThat(factory(owner).databaseExists()).as("verify created nothing").isFalse();
    assertThat(factory(owner).clientsExist()).isFalse();
  }

  @Test
  void verifyNamesTheFirstBadSeqOfALedgerEditedInTheDatabase() throws Exception {
    try (LedgerRuntime ledger = LedgerRuntime.open(factory(owner), new MetricRegistry(),
        Clock.systemUTC())) {
      TestLedger.appendViews(ledger.sequencer(), 25);
    }
    CliRunner.Outcome intact = run("verify", server.toString());
    assertThat(intact.succeeded()).as(intact.stderr()).isTrue();
    assertThat(intact.stdout()).contains("ledger intact: 25 entries, 26 signed checkpoints");

    // The owner can do what the server's role cannot: turn the guards off and edit a leaf.
    db.asOwner("ALTER TABLE leaves DISABLE TRIGGER USER",
        "UPDATE leaves SET leaf = convert_to(replace(convert_from(leaf, 'UTF8'), 'worker-2',"
            + " 'worker-0'), 'UTF8') WHERE seq = 11",
        "ALTER TABLE leaves ENABLE TRIGGER USER");
    CliRunner.Outcome broken = run("verify", server.toString());
    assertThat(broken.succeeded()).isFalse();
    assertThat(broken.stderr()).contains("LEDGER BROKEN: first bad seq 11");
  }

  @Test
  void aWrongPasswordOrUrlIsReportedWithoutTheSecret() throws Exception {
    Path wrong = PostgresConfig.write(dir, "wrong", data, db.url(), db.app(),
        "not-" + db.appPassword());
    CliRunner.Outcome refused = run("verify", wrong.toString());
    assertThat(refused.succeeded()).isFalse();
    assertThat(refused.stderr()).contains("password authentication failed")
        .doesNotContain("not-" + db.appPassword());

    Path badUrl = PostgresConfig.write(dir, "bad-url", data,
        "postgresql://" + db.app() + ":" + db.appPassword() + "@127.0.0.1/x", db.app(), "x");
    CliRunner.Outcome bad = run("add-client", badUrl.toString(), "--name", "dpo", "--role",
        "auditor");
    assertThat(bad.succeeded()).isFalse();
    assertThat(bad.stderr()).contains("LEDGER_DATABASE_URL").contains("jdbc:postgresql://");
    assertThat(data).doesNotExist();
  }
}
