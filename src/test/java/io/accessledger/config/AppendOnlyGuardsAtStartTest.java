package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import io.accessledger.health.AppendOnlyTriggersHealthCheck;
import io.accessledger.ledger.leaf.LeafCodec;
import io.accessledger.ledger.leaf.LedgerEntry;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.ServerProcess;
import io.accessledger.support.TestLedger;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Start-up and the health check over a real ledger file whose append-only triggers someone with
 * the file dropped or replaced: refused unless told to recreate them, and then recreated and
 * recorded, in the log and in the ledger.
 */
class AppendOnlyGuardsAtStartTest {
  private static final int ENTRIES = 10;

  @TempDir Path dir;
  private LedgerFactory factory;
  private Path db;
  private VerifierKey key;

  @BeforeEach
  void buildLedger() {
    factory = new LedgerFactory();
    factory.setDataDir(dir.resolve("data").toString());
    factory.setOrigin(TestLedger.ORIGIN);
    db = factory.databaseFile();
    try (LedgerRuntime ledger = open()) {
      TestLedger.appendViews(ledger.sequencer(), ENTRIES);
      key = ledger.signing().current().verifierKey();
    }
  }

  private LedgerRuntime open() {
    return LedgerRuntime.open(factory, new MetricRegistry(), Clock.systemUTC());
  }

  @Test
  void startUpIsRefusedNamingEveryDroppedTriggerAndChangesNothing() throws Exception {
    TestLedger.tamper(db);
    for (int attempt = 0; attempt < 2; attempt++) { // the second: the writer lock was released
      assertThatThrownBy(this::open)
          .isInstanceOf(LedgerStateException.class)
          .hasMessageStartingWith("the ledger's append-only triggers are not in place: ")
          .hasMessageContaining("LEDGER_RECREATE_TRIGGERS=true")
          .hasMessageContaining("ledger.recreateMissingTriggers")
          .satisfies(e -> assertThat(e.getMessage()).contains(
              TestLedger.APPEND_ONLY_TRIGGERS.stream().map(t -> t + " (missing)").toList()));
    }
    try (LedgerStore store = TestLedger.openStore(db)) {
      assertThat(store.size()).isEqualTo(ENTRIES);
      assertThat(store.appendOnlyGuardFaults()).hasSize(14);
    }
  }

  @Test
  void oneDroppedTriggerIsEnoughToRefuseAndIsNamedAlone() throws Exception {
    TestLedger.execute(db, "DROP TRIGGER link_keys_no_delete");
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("not in place: link_keys_no_delete (missing). The database")
        .satisfies(e -> assertThat(e.getMessage().split("_no_")).hasSize(2));
  }

  @Test
  void aTriggerAddedOnALedgerTableIsEnoughToRefuseAndIsNamed() throws Exception {
    TestLedger.execute(db, TestLedger.SWALLOW_LEAVES);
    assertThatThrownBy(this::open)
        .isInstanceOf(LedgerStateException.class)
        .hasMessageContaining("not in place: swallow_leaves (unexpected). A trigger the migrations"
            + " do not create runs on writes to the ledger's tables")
        .hasMessageContaining("LEDGER_RECREATE_TRIGGERS=true");
    try (LedgerStore store = TestLedger.openStore(db)) {
      assertThat(store.size()).isEqualTo(ENTRIES);
    }
  }

  @Test
  void toldToRecreateThemStartUpDropsAnAddedTriggerBeforeWritingAndRecordsIt() throws Exception {
    TestLedger.execute(db, "DROP TRIGGER leaves_no_delete", TestLedger.SWALLOW_LEAVES);
    factory.setRecreateMissingTriggers(true);
    ListAppender<ILoggingEvent> log = capture();
    try (LedgerRuntime ledger = open()) {
      assertThat(ledger.store().appendOnlyGuardFaults()).isEmpty();
      // The entry was stored, not swallowed: the trigger was gone before it was written.
      LedgerEntry entry = LeafCodec.decode(ledger.store().leaf(ENTRIES).orElseThrow().leaf());
      assertThat(entry.event()).containsEntry("type", "MAINTENANCE").containsEntry("triggers",
          List.of(Map.of("name", "leaves_no_delete", "found", "MISSING"),
              Map.of("name", "swallow_leaves", "found", "UNEXPECTED")));
      ledger.sequencer().append(TestLedger.prepared("after-recreation", "child-1", "worker-1"))
          .join();
      assertThat(ledger.store().size()).isEqualTo(ENTRIES + 2);
    } finally {
      release(log);
    }
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage())
            .contains("leaves_no_delete (missing), swallow_leaves (unexpected)")
            .contains("recorded as entry 10"));
    VerificationResult result = TestLedger.verifyFile(db, key);
    assertThat(result.isIntact()).as(result.problem() + result.guardFaults()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES + 2);
  }

  @Test
  void toldToRecreateThemStartUpRecreatesRecordsAndVerifyPasses() throws Exception {
    TestLedger.tamper(db, "CREATE TRIGGER leaves_no_update BEFORE UPDATE ON leaves"
        + " BEGIN SELECT 1; END");
    factory.setRecreateMissingTriggers(true);
    ListAppender<ILoggingEvent> log = capture();
    try (LedgerRuntime ledger = open()) {
      assertThat(ledger.store().appendOnlyGuardFaults()).isEmpty();
      assertThat(new AppendOnlyTriggersHealthCheck(ledger.store()).execute().isHealthy()).isTrue();
      LedgerEntry entry = LeafCodec.decode(ledger.store().leaf(ENTRIES).orElseThrow().leaf());
      assertThat(entry.source()).isEqualTo("ledger");
      assertThat(entry.event()).containsEntry("type", "MAINTENANCE")
          .containsEntry("action", "APPEND_ONLY_TRIGGERS_RECREATED")
          .containsOnlyKeys("type", "eventId", "occurredAt", "action", "triggers");
      List<Map<String, Object>> triggers = new ArrayList<>();
      for (String trigger : TestLedger.APPEND_ONLY_TRIGGERS) {
        triggers.add(Map.of("name", trigger,
            "found", trigger.equals("leaves_no_update") ? "ALTERED" : "MISSING"));
      }
      assertThat(entry.event().get("triggers")).isEqualTo(triggers);
      // No subject, actor or record: the entry is in no history.
      assertThat(entry.links()).isEmpty();
      assertThat(ledger.store().seqsFor("subject:child-0", -1, 100)).doesNotContain(10L);
    } finally {
      release(log);
    }
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage())
            .contains("recreated the append-only triggers checkpoints_no_delete (missing)")
            .contains("leaves_no_update (altered)").contains("recorded as entry 10"));

    VerificationResult result = TestLedger.verifyFile(db, key);
    assertThat(result.isIntact()).as(result.problem() + result.guardFaults()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES + 1);
    assertRefused("DELETE FROM leaves WHERE seq = 3", "DELETE on leaves refused");
    assertRefused("UPDATE leaves SET leaf = leaf", "UPDATE on leaves refused");
    assertRefused("DELETE FROM checkpoints", "DELETE on checkpoints refused");

    // Once they are back, a start records nothing more, whatever the setting.
    try (LedgerRuntime ledger = open()) {
      assertThat(ledger.store().size()).isEqualTo(ENTRIES + 1);
    }
  }

  @Test
  void aNodeWhoseTriggersAnotherNodePutRightFirstRecordsNothing() throws Exception {
    TestLedger.tamper(db); // drops every trigger
    try (LedgerStore store = TestLedger.openStore(db);
        LedgerStore otherNode = TestLedger.openStore(db)) {
      List<GuardFault> faults = AppendOnlyGuardsAtStart.check(store, true);
      assertThat(faults).hasSize(TestLedger.APPEND_ONLY_TRIGGERS.size());
      otherNode.restoreAppendOnlyGuards(); // the other node, told to recreate them, came first
      try (Sequencer sequencer = AppendOnlyGuardsAtStart.restoreStartAndRecord(store, faults,
          Clock.systemUTC(), () -> TestLedger.sequencer(store, factory.openSigner(true)))) {
        assertThat(sequencer.latestCheckpoint().size()).isEqualTo(ENTRIES);
      }
      assertThat(store.size()).as("no entry recording a recreation of nothing").isEqualTo(ENTRIES);
      assertThat(store.appendOnlyGuardFaults()).isEmpty();
    }
  }

  @Test
  void theHealthCheckNamesTriggersDroppedWhileTheServerRuns() throws Exception {
    try (LedgerRuntime ledger = open()) {
      HealthCheck check = new AppendOnlyTriggersHealthCheck(ledger.store());
      assertThat(check.execute().isHealthy()).isTrue();
      TestLedger.execute(db, "DROP TRIGGER leaves_no_delete", "DROP TRIGGER event_ids_no_update");
      HealthCheck.Result result = check.execute();
      assertThat(result.isHealthy()).isFalse();
      assertThat(result.getMessage()).startsWith("append-only triggers not in place:"
          + " event_ids_no_update (missing), leaves_no_delete (missing).")
          .contains("LEDGER_RECREATE_TRIGGERS=true");
    }
  }

  @Test
  void theHealthCheckNamesATriggerAddedWhileTheServerRuns() throws Exception {
    try (LedgerRuntime ledger = open()) {
      HealthCheck check = new AppendOnlyTriggersHealthCheck(ledger.store());
      TestLedger.execute(db, TestLedger.SWALLOW_LEAVES);
      HealthCheck.Result result = check.execute();
      assertThat(result.isHealthy()).isFalse();
      assertThat(result.getMessage()).startsWith("append-only triggers not in place:"
          + " swallow_leaves (unexpected). A trigger the migrations do not create runs on writes"
          + " to the ledger's tables: it can make an append store nothing")
          .doesNotContain("no longer refuses").contains("LEDGER_RECREATE_TRIGGERS=true");
    }
  }

  @Test
  void theRealServerRefusesToStartOverDroppedTriggers() throws Exception {
    TestLedger.tamper(db);
    assertThatThrownBy(() -> {
      // Closed (killed) should it start after all, so that no server outlives the test.
      try (ServerProcess started =
          ServerProcess.start(dir, "refused", factory.dataPath(), List.of())) {
        started.pid();
      }
    })
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with 1 before it was ready")
        .hasMessageContaining("the ledger's append-only triggers are not in place:"
            + " checkpoints_no_delete (missing)");
  }

  @Test
  void theShippedConfigurationReadsTheSettingFromTheEnvironmentAndDefaultsToOff()
      throws Exception {
    assertThat(shippedConfig(Map.of()).getLedger().isRecreateMissingTriggers()).isFalse();
    assertThat(shippedConfig(Map.of("LEDGER_RECREATE_TRIGGERS", "true")).getLedger()
        .isRecreateMissingTriggers()).isTrue();
  }

  /** config.yml as the server reads it, with {@code environment} as its environment. */
  private static AccessLedgerConfiguration shippedConfig(Map<String, String> environment)
      throws Exception {
    return new DefaultConfigurationFactoryFactory<AccessLedgerConfiguration>()
        .create(AccessLedgerConfiguration.class, Validators.newValidator(),
            Jackson.newObjectMapper(), "dw")
        .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
            new StringSubstitutor(environment)), "config.yml");
  }

  private void assertRefused(String sql, String message) {
    assertThatThrownBy(() -> TestLedger.execute(db, sql))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("ledger is append-only: " + message);
  }

  private static ListAppender<ILoggingEvent> capture() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger().addAppender(appender);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    logger().detachAppender(appender);
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger(AppendOnlyGuardsAtStart.class);
  }
}
