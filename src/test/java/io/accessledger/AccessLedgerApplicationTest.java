package io.accessledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.support.TempDirs;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts the real server from the real config.yml on free ports with a fresh data directory. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessLedgerApplicationTest {
  private static final Path DATA = tempDir();

  static final DropwizardAppExtension<AccessLedgerConfiguration> APP =
      new DropwizardAppExtension<>(
          AccessLedgerApplication.class,
          "config.yml",
          ConfigOverride.config("server.applicationConnectors[0].port", "0"),
          ConfigOverride.config("server.adminConnectors[0].port", "0"),
          ConfigOverride.config("ledger.dataDir", DATA.toString()),
          ConfigOverride.config("logging.level", "WARN"));

  private static Path tempDir() {
    return TempDirs.deletedAtExit("access-ledger-app").resolve("data");
  }

  private JsonNode admin(String path) throws IOException {
    String body = APP.client()
        .target("http://localhost:" + APP.getAdminPort() + path)
        .request()
        .get(String.class);
    return new ObjectMapper().readTree(body);
  }

  @Test
  void theFirstStartCreatesTheLedgerAndAPrivateKey() throws IOException {
    assertThat(DATA.resolve("ledger.db")).exists();
    assertThat(PosixFilePermissions.toString(
        Files.getPosixFilePermissions(DATA.resolve("signing.key")))).isEqualTo("rw-------");
    assertThat(APP.getConfiguration().getLedger().getOrigin()).isEqualTo("access-ledger.local/log");
  }

  @Test
  void healthChecksPassOnAFreshLedger() throws IOException {
    JsonNode health = admin("/healthcheck");
    assertThat(health.path("signing-key").path("healthy").asBoolean()).isTrue();
    assertThat(health.path("tree-root").path("healthy").asBoolean()).isTrue();
    assertThat(health.path("tree-root").path("message").asText()).contains("tree of size 0");
    assertThat(health.path("append-only-triggers").path("healthy").asBoolean()).isTrue();
  }

  @Test
  void metricsExposeTheTreeSize() throws IOException {
    JsonNode metrics = admin("/metrics");
    assertThat(metrics.path("gauges").path("ledger.tree-size").path("value").asLong()).isZero();
  }
}
