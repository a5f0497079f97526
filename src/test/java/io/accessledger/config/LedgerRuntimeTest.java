package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.accessledger.health.SigningKeyHealthCheck;
import io.accessledger.health.TreeRootHealthCheck;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.support.TestLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerRuntimeTest {
  @TempDir Path dir;
  private LedgerFactory factory;

  @BeforeEach
  void configure() {
    factory = new LedgerFactory();
    factory.setDataDir(dir.resolve("data").toString());
    factory.setOrigin(TestLedger.ORIGIN);
  }

  private LedgerRuntime open() {
    return LedgerRuntime.open(factory, new MetricRegistry(), Clock.systemUTC());
  }

  @Test
  void theFirstStartCreatesAPrivateDatabaseAndKeyAndLaterStartsKeepThem() throws Exception {
    String verifierKey;
    try (LedgerRuntime ledger = open()) {
      TestLedger.appendViews(ledger.sequencer(), 2);
      verifierKey = ledger.signing().current().verifierKey().toString();
    }
    assertThat(factory.databaseFile()).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(factory.keyFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(factory.dataPath())))
        .isEqualTo("rwx------");
    try (var files = Files.list(factory.dataPath())) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .isNotEmpty()
          .allSatisfy(file -> assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
              .as(file.toString()).isEqualTo("rw-------"));
    }
    byte[] key = Files.readAllBytes(factory.keyFile());
    try (LedgerRuntime ledger = open()) {
      assertThat(ledger.signing().current().verifierKey().toString()).isEqualTo(verifierKey);
      assertThat(ledger.store().size()).isEqualTo(2);
    }
    assertThat(Files.readAllBytes(factory.keyFile())).isEqualTo(key);
  }

  @Test
  void aKeyThatDidNotSignTheLedgerIsRefused() throws Exception {
    try (LedgerRuntime ledger = open()) {
      TestLedger.appendViews(ledger.sequencer(), 1);
    }
    Files.delete(factory.keyFile());
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("signing key " + factory.keyFile() + " is missing");
    assertThat(factory.keyFile()).doesNotExist();

    // Someone drops in another key: refused, and the ledger is left as it was.
    Path otherData = dir.resolve("other");
    LedgerFactory other = new LedgerFactory();
    other.setDataDir(otherData.toString());
    other.setOrigin(TestLedger.ORIGIN);
    LedgerRuntime.open(other, new MetricRegistry(), Clock.systemUTC()).close();
    Files.copy(other.keyFile(), factory.keyFile());
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("does not verify the ledger's latest checkpoint (tree size 1)");
  }

  @Test
  void anotherOriginIsRefused() {
    open().close();
    factory.setOrigin("somewhere.else/log");
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("does not verify the ledger's latest checkpoint");
  }

  @Test
  void aDataDirectoryOpenToOthersIsRefused() throws Exception {
    Files.createDirectories(factory.dataPath());
    Files.setPosixFilePermissions(factory.dataPath(), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("is open to other users (rwxr-xr-x)");
    assertThat(factory.databaseFile()).doesNotExist();
  }

  @Test
  void aSecondWriterOnTheSameDataIsRefused() {
    try (LedgerRuntime first = open()) {
      assertThatThrownBy(this::open)
          .isInstanceOf(LedgerStateException.class)
          .hasMessageContaining("another process is writing the ledger");
      TestLedger.appendViews(first.sequencer(), 1);
    }
  }

  @Test
  void healthChecksSeeATamperedTreeAndAnExposedKey() throws Exception {
    try (LedgerRuntime ledger = open()) {
      TestLedger.appendViews(ledger.sequencer(), 6);
      HealthCheck tree = new TreeRootHealthCheck(ledger.store(), ledger.signing());
      HealthCheck key =
          new SigningKeyHealthCheck(ledger.signing(), ledger.store(), factory.keyFile());
      assertThat(tree.execute().isHealthy()).as(tree.execute().getMessage()).isTrue();
      assertThat(key.execute().isHealthy()).as(key.execute().getMessage()).isTrue();

      TestLedger.tamper(factory.databaseFile(),
          "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE node_id = " + ((2L << 48) | 0));
      HealthCheck.Result treeResult = tree.execute();
      assertThat(treeResult.isHealthy()).isFalse();
      assertThat(treeResult.getMessage()).contains("does not match").doesNotContain("Exception");

      Files.setPosixFilePermissions(factory.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
      HealthCheck.Result keyResult = key.execute();
      assertThat(keyResult.isHealthy()).isFalse();
      assertThat(keyResult.getMessage()).contains("readable by others");
    }
  }
}
