package io.accessledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.support.CliRunner;
import io.accessledger.support.TestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddClientCommandTest {
  @TempDir Path dir;
  private Path config;
  private Path data;
  private LedgerFactory factory;

  @BeforeEach
  void configure() throws Exception {
    data = dir.resolve("data");
    config = CliRunner.writeConfig(dir, data);
    factory = new LedgerFactory();
    factory.setDataDir(data.toString());
    factory.setOrigin(TestLedger.ORIGIN);
  }

  private static String lastLine(String stdout) {
    List<String> lines = stdout.strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  private ApiClient authenticate(String token) {
    try (ClientStore clients = factory.openClients(new MetricRegistry())) {
      return clients.authenticate(token).orElseThrow();
    }
  }

  @Test
  void printsTheTokenLastAndTheTokenAuthenticatesTheClient() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("add-client", config.toString(),
        "--name", "carefirst-prod", "--role", "ingest", "--source", "carefirst");
    assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    assertThat(outcome.stdout()).contains("carefirst-prod").contains("role ingest")
        .contains("source system carefirst");
    String token = lastLine(outcome.stdout());
    assertThat(token).matches("alt_[A-Za-z0-9_-]{43}");
    assertThat(authenticate(token)).isEqualTo(new ApiClient("carefirst-prod", Role.INGEST, "carefirst"));
  }

  @Test
  void aFreshDataDirectoryGetsTheLedgerAndItsKey() throws Exception {
    assertThat(data).doesNotExist();
    CliRunner.Outcome outcome =
        CliRunner.run("add-client", config.toString(), "--name", "dpo", "--role", "auditor");
    assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    for (Path file : List.of(factory.databaseFile(), factory.keyFile(), factory.clientsFile())) {
      assertThat(file).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString()).isEqualTo("rw-------");
    }
    // The ledger it created is one the server opens, and the key is the one it keeps.
    String keyBefore = Files.readString(factory.keyFile());
    try (LedgerRuntime ledger = LedgerRuntime.open(factory, new MetricRegistry(), Clock.systemUTC())) {
      assertThat(ledger.store().size()).isZero();
    }
    assertThat(Files.readString(factory.keyFile())).isEqualTo(keyBefore);
    assertThat(authenticate(lastLine(outcome.stdout())).name()).isEqualTo("dpo");
  }

  @Test
  void worksWhileTheServerHoldsTheWriterLock() throws Exception {
    try (LedgerRuntime ledger = LedgerRuntime.open(factory, new MetricRegistry(), Clock.systemUTC());
        ClientStore serverClients = factory.openClients(new MetricRegistry())) {
      TestLedger.appendViews(ledger.sequencer(), 3);
      CliRunner.Outcome outcome = CliRunner.run("add-client", config.toString(),
          "--name", "ico-1", "--role", "investigator");
      assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
      // The running server authenticates the new client at once.
      assertThat(serverClients.authenticate(lastLine(outcome.stdout())))
          .contains(new ApiClient("ico-1", Role.INVESTIGATOR, null));
      assertThat(ledger.store().size()).isEqualTo(3);
    }
  }

  @Test
  void badArgumentsFailWithAClearMessage() throws Exception {
    assertFails("needs --source for ingest", "--source is required for role ingest",
        "--name", "feed", "--role", "ingest");
    assertFails("--source for another role", "--source is only for role ingest",
        "--name", "dpo", "--role", "auditor", "--source", "carefirst");
    assertFails("the ledger's own source", "reserved",
        "--name", "feed", "--role", "ingest", "--source", "ledger");
    assertFails("an unknown role", "valid roles: ingest, auditor, investigator, admin",
        "--name", "dpo", "--role", "superuser");
    assertFails("a bad name", "client name must be", "--name", "has space", "--role", "admin");
  }

  @Test
  void aNameIsNeverReused() throws Exception {
    assertThat(CliRunner.run("add-client", config.toString(), "--name", "dpo", "--role", "auditor")
        .succeeded()).isTrue();
    assertThat(CliRunner.run("revoke-client", config.toString(), "--name", "dpo").succeeded()).isTrue();
    assertFails("a revoked client's name", "'dpo' is taken", "--name", "dpo", "--role", "auditor");
  }

  @Test
  void aDataDirectoryOpenToOthersIsRefused() throws Exception {
    Files.createDirectories(data);
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertFails("a world-readable data dir", "open to other users", "--name", "dpo", "--role", "admin");
    assertThat(factory.clientsFile()).doesNotExist();
  }

  private void assertFails(String why, String message, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "add-client";
    command[1] = config.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    CliRunner.Outcome outcome = CliRunner.run(command);
    assertThat(outcome.succeeded()).as(why).isFalse();
    assertThat(outcome.stderr()).as(why).contains(message);
    assertThat(outcome.stdout()).as(why).doesNotContain("alt_");
  }
}
