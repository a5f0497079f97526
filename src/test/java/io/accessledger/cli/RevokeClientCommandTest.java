package io.accessledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ClientStore;
import io.accessledger.config.LedgerFactory;
import io.accessledger.support.CliRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevokeClientCommandTest {
  @TempDir Path dir;
  private Path config;
  private LedgerFactory factory;

  @BeforeEach
  void configure() throws Exception {
    Path data = dir.resolve("data");
    config = CliRunner.writeConfig(dir, data);
    factory = new LedgerFactory();
    factory.setDataDir(data.toString());
  }

  private String addClient(String name) throws Exception {
    CliRunner.Outcome added =
        CliRunner.run("add-client", config.toString(), "--name", name, "--role", "auditor");
    assertThat(added.succeeded()).as(added.stderr()).isTrue();
    List<String> lines = added.stdout().strip().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void revokesAtOnceForAStoreThatIsAlreadyOpen() throws Exception {
    String token = addClient("dpo");
    String other = addClient("dpo-deputy");
    try (ClientStore server = factory.openClients(new MetricRegistry())) {
      assertThat(server.authenticate(token)).isPresent();
      CliRunner.Outcome outcome = CliRunner.run("revoke-client", config.toString(), "--name", "dpo");
      assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
      assertThat(outcome.stdout()).contains("revoked API client dpo");
      assertThat(server.authenticate(token)).isEmpty();
      assertThat(server.authenticate(other)).isPresent();
    }
  }

  @Test
  void revokingTwiceSucceedsAndSaysNothingChanged() throws Exception {
    addClient("dpo");
    assertThat(CliRunner.run("revoke-client", config.toString(), "--name", "dpo").succeeded()).isTrue();
    CliRunner.Outcome again = CliRunner.run("revoke-client", config.toString(), "--name", "dpo");
    assertThat(again.succeeded()).as(again.stderr()).isTrue();
    assertThat(again.stdout()).contains("already revoked");
  }

  @Test
  void anUnknownNameFails() throws Exception {
    addClient("dpo");
    CliRunner.Outcome outcome = CliRunner.run("revoke-client", config.toString(), "--name", "nobody");
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("no client named 'nobody'");
  }

  @Test
  void anUnknownNameFailsWithoutCreatingAClientsFile() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("revoke-client", config.toString(), "--name", "dpo");
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("no client named 'dpo'");
    assertThat(factory.clientsFile()).doesNotExist();
  }
}
