package io.accessledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.store.sqlite.SqliteLedgerStore;
import io.accessledger.support.CliRunner;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {
  @TempDir Path dir;
  private Path config;
  private Path data;
  private String verifierKey;

  @BeforeEach
  void buildLedger() throws Exception {
    data = dir.resolve("data");
    config = CliRunner.writeConfig(dir, data);
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(data.toString());
    factory.setOrigin(TestLedger.ORIGIN);
    try (LedgerRuntime ledger = LedgerRuntime.open(factory, new MetricRegistry(), Clock.systemUTC())) {
      TestLedger.appendViews(ledger.sequencer(), 25);
      verifierKey = ledger.signing().current().verifierKey().toString();
    }
  }

  @Test
  void anIntactLedgerExitsZeroWithASummary() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString());
    assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    assertThat(outcome.stdout()).contains("ledger intact: 25 entries, 26 signed checkpoints");
  }

  @Test
  void verifyOpensTheEvidenceReadOnly() throws Exception {
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(data.toString());
    try (var store = factory.openStoreReadOnly()) {
      assertThat(store.size()).isEqualTo(25);
      // Read-only is SQLite's own mode: the handle refuses a write.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ((SqliteLedgerStore) store).jdbi()
              .useHandle(h -> h.execute("CREATE TABLE scribble (x INTEGER)")))
          .hasMessageContaining("readonly");
    }
    Path db = data.resolve("ledger.db");
    byte[] before = java.nio.file.Files.readAllBytes(db);
    assertThat(CliRunner.run("verify", config.toString()).succeeded()).isTrue();
    assertThat(java.nio.file.Files.readAllBytes(db)).isEqualTo(before);
  }

  @Test
  void aTamperedLedgerFailsNamingTheFirstBadSeq() throws Exception {
    TestLedger.tamper(data.resolve("ledger.db"), "DELETE FROM leaves WHERE seq = 11");
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString());
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("first bad seq 11").contains("entry 11 is missing")
        .contains("APPEND-ONLY TRIGGERS NOT IN PLACE: checkpoints_no_delete (missing)");
  }

  @Test
  void entriesRemovedFromTheTailAreNamedAsAWholeStretch() throws Exception {
    TestLedger.tamper(data.resolve("ledger.db"), "DELETE FROM leaves WHERE seq BETWEEN 22 AND 24");
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString());
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("first bad seq 22: entries 22 to 24 were removed");
  }

  @Test
  void droppedTriggersFailVerifyNamingEachOne() throws Exception {
    TestLedger.tamper(data.resolve("ledger.db"));
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderr()).startsWith("APPEND-ONLY TRIGGERS NOT IN PLACE: ")
        .contains("Its 25 entries still verify").contains("LEDGER_RECREATE_TRIGGERS=true")
        .doesNotContain("LEDGER BROKEN");
    for (String trigger : TestLedger.APPEND_ONLY_TRIGGERS) {
      assertThat(outcome.stderr()).contains(trigger + " (missing)");
    }
  }

  @Test
  void oneDroppedTriggerFailsVerifyNamingItAlone() throws Exception {
    TestLedger.execute(data.resolve("ledger.db"), "DROP TRIGGER event_ids_no_update");
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderr()).contains("APPEND-ONLY TRIGGERS NOT IN PLACE:"
        + " event_ids_no_update (missing). The database no longer refuses");
    assertThat(outcome.stderr().split("_no_")).hasSize(2);
  }

  @Test
  void anAddedTriggerFailsVerifyNamingIt() throws Exception {
    TestLedger.execute(data.resolve("ledger.db"), TestLedger.SWALLOW_LEAVES);
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString());
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderr()).startsWith("APPEND-ONLY TRIGGERS NOT IN PLACE:"
        + " swallow_leaves (unexpected). A trigger the migrations do not create runs on writes"
        + " to the ledger's tables").contains("Its 25 entries still verify")
        .doesNotContain("no longer refuses").doesNotContain("LEDGER BROKEN");
  }

  @Test
  void thePublishedKeyCanBeGiven() throws Exception {
    assertThat(CliRunner.run("verify", config.toString(), "--key", verifierKey).succeeded()).isTrue();
    String otherKey = TestLedger.signer(7).verifierKey().toString();
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString(), "--key", otherKey);
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("first bad seq 0");
  }

  @Test
  void aMalformedKeyIsRefusedByName() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("verify", config.toString(), "--key", "nonsense");
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("--key is not a verifier key");
  }

  @Test
  void aMissingLedgerIsReportedNotCreated() throws Exception {
    Path other = java.nio.file.Files.createDirectory(dir.resolve("other"));
    Path empty = other.resolve("data");
    Path otherConfig = CliRunner.writeConfig(other, empty);
    CliRunner.Outcome outcome = CliRunner.run("verify", otherConfig.toString());
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.stderr()).contains("no ledger at");
    assertThat(empty).doesNotExist();
  }
}
