package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.GuardFault;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LedgerStoreContract;
import io.accessledger.store.TamperHook;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteLedgerStoreTest extends LedgerStoreContract {
  @TempDir Path dir;

  @Override
  protected LedgerStore newStore() {
    return TestLedger.openStore(dir.resolve("ledger.db"));
  }

  private Jdbi jdbi() {
    return ((SqliteLedgerStore) store).jdbi();
  }

  @Override
  protected TamperHook tamperHook() {
    return new SqliteTamperHook(dir.resolve("ledger.db"));
  }

  @Test
  void aTriggerThatSwallowsLeavesMakesAppendsStoreNothingUntilItIsDropped() throws Exception {
    tamperHook().addLeafSwallower("swallow_leaves");
    try (Sequencer sequencer = TestLedger.sequencer((SqliteLedgerStore) store, TestLedger.signer(0))) {
      TestLedger.appendViews(sequencer, 1); // acknowledged (a second one is refused: 0 stored)
    }
    assertThat(store.size()).isZero(); // and not stored: what the fault is reported for
    assertThat(store.restoreAppendOnlyGuards())
        .containsExactly(new GuardFault("swallow_leaves", GuardFault.Kind.UNEXPECTED));
    assertThat(triggerNames()).isEqualTo(TestLedger.APPEND_ONLY_TRIGGERS);
  }

  @Test
  void anAddedTriggerThatWritesElsewhereIsUnexpectedAndOnesOnOtherTablesAreLeftAlone()
      throws Exception {
    jdbi().useHandle(h -> {
      h.execute("CREATE TABLE copied (leaf BLOB)");
      h.execute("CREATE TRIGGER Copy_Out AFTER INSERT ON LEAVES"
          + " BEGIN INSERT INTO copied VALUES (NEW.leaf); END");
      h.execute("CREATE TRIGGER copied_only BEFORE DELETE ON copied BEGIN SELECT 1; END");
      h.execute("CREATE TRIGGER migrations_swallowed BEFORE INSERT ON schema_migrations"
          + " BEGIN SELECT RAISE(IGNORE); END");
    });
    assertThat(store.appendOnlyGuardFaults()).containsExactly(
        new GuardFault("Copy_Out", GuardFault.Kind.UNEXPECTED),
        new GuardFault("migrations_swallowed", GuardFault.Kind.UNEXPECTED));
    assertThat(store.restoreAppendOnlyGuards()).hasSize(2);
    assertThat(triggerNames()).contains("copied_only").doesNotContain("Copy_Out")
        .hasSize(TestLedger.APPEND_ONLY_TRIGGERS.size() + 1);
  }

  @Test
  void anAddedTriggerWithAHostileNameIsNamedExactlyShownEscapedAndDroppedAlone()
      throws Exception {
    String name = "x\"; DROP TABLE leaves; --\nleaves_no_delete (missing)";
    jdbi().useHandle(h -> h.execute("CREATE TRIGGER \"" + name.replace("\"", "\"\"")
        + "\" AFTER INSERT ON checkpoints BEGIN SELECT 1; END"));
    GuardFault fault = new GuardFault(name, GuardFault.Kind.UNEXPECTED);
    assertThat(store.appendOnlyGuardFaults()).containsExactly(fault);
    assertThat(fault.toString()).isEqualTo(
        "\"x\\\"; DROP TABLE leaves; --\\u000aleaves_no_delete (missing)\" (unexpected)");
    assertThat(store.restoreAppendOnlyGuards()).containsExactly(fault);
    assertThat(triggerNames()).isEqualTo(TestLedger.APPEND_ONLY_TRIGGERS);
    assertThat(store.size()).isZero();
    store.append(new io.accessledger.store.AppendBatch(List.of(), List.of(),
        new io.accessledger.store.StoredCheckpoint(0, "n")));
    assertThat(store.latestCheckpoint()).isPresent();
  }

  @Test
  void aNameSqliteTellsApartFromAGuardsIsUnexpectedNotTheGuard() {
    // U+212A KELVIN SIGN: Java lower-cases it to k, SQLite (ASCII case only) keeps it apart.
    String name = "lin\u212A_keys_no_delete";
    jdbi().useHandle(h -> h.execute("CREATE TRIGGER \"" + name
        + "\" BEFORE DELETE ON link_keys BEGIN SELECT 1; END"));
    assertThat(store.appendOnlyGuardFaults())
        .containsExactly(new GuardFault(name, GuardFault.Kind.UNEXPECTED));
    assertThat(store.restoreAppendOnlyGuards()).hasSize(1);
    assertThat(store.appendOnlyGuardFaults()).isEmpty();
  }

  private List<String> triggerNames() {
    return jdbi().withHandle(h -> h.createQuery(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .mapTo(String.class).list());
  }

  @Test
  void theStoreGuardsExactlyTheFourteenTriggersTheMigrationsCreate() throws Exception {
    List<String> triggers = jdbi().withHandle(h -> h.createQuery(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .mapTo(String.class).list());
    assertThat(triggers).hasSize(14).isEqualTo(TestLedger.APPEND_ONLY_TRIGGERS);
    TestLedger.tamper(dir.resolve("ledger.db"));
    assertThat(store.appendOnlyGuardFaults()).extracting(GuardFault::guard)
        .containsExactlyElementsOf(triggers);
  }

  @ParameterizedTest
  @ValueSource(strings = {"leaves:leaf", "merkle_nodes:hash", "link_keys:link_key",
      "link_index:seq", "checkpoints:note", "event_ids:event_id", "cosignatures:line"})
  void recreatedTriggersRefuseUpdatesAndDeletesAgain(String tableAndColumn) throws Exception {
    String table = tableAndColumn.split(":")[0];
    String column = tableAndColumn.split(":")[1];
    try (Sequencer sequencer = TestLedger.sequencer((SqliteLedgerStore) store, TestLedger.signer(0))) {
      TestLedger.appendViews(sequencer, 2);
    }
    store.addCosignature(new io.accessledger.store.StoredCosignature(2,
        new io.accessledger.store.CosignerId("w", "00000000"), "\u2014 w AAAA"));
    TestLedger.tamper(dir.resolve("ledger.db"));
    assertThat(store.appendOnlyGuardFaults()).hasSize(14);
    assertThat(store.restoreAppendOnlyGuards()).hasSize(14);
    assertThatThrownBy(() -> jdbi().useHandle(h -> h.execute("DELETE FROM " + table)))
        .hasMessageContaining("ledger is append-only: DELETE on " + table + " refused");
    assertThatThrownBy(() -> jdbi().useHandle(h ->
            h.execute("UPDATE " + table + " SET " + column + " = " + column)))
        .hasMessageContaining("ledger is append-only: UPDATE on " + table + " refused");
  }

  @Test
  void aTriggerRemadeUnderItsNameInOtherCaseIsAlteredAndReplaced() throws Exception {
    // SQLite's names ignore case: creating leaves_no_delete beside it would fail.
    jdbi().useHandle(h -> {
      h.execute("DROP TRIGGER leaves_no_delete");
      h.execute("CREATE TRIGGER LEAVES_NO_DELETE BEFORE DELETE ON leaves BEGIN SELECT 1; END");
    });
    assertThat(store.appendOnlyGuardFaults())
        .containsExactly(new GuardFault("leaves_no_delete", GuardFault.Kind.ALTERED));
    assertThat(store.restoreAppendOnlyGuards()).hasSize(1);
    assertThat(store.appendOnlyGuardFaults()).isEmpty();
  }

  @Test
  void aTriggerThatDiffersOnlyInWhiteSpaceIsInPlace() {
    // As a jar built with CRLF line endings would have made it.
    jdbi().useHandle(h -> {
      h.execute("DROP TRIGGER leaves_no_delete");
      h.execute("CREATE TRIGGER leaves_no_delete BEFORE DELETE ON leaves\r\nBEGIN  SELECT"
          + " RAISE(ABORT, 'ledger is append-only: DELETE on leaves refused'); END");
    });
    assertThat(store.appendOnlyGuardFaults()).isEmpty();
  }

  @Test
  void aTriggerWhoseBodyNoLongerRaisesIsAltered() throws Exception {
    // Same name, table and event; only the body is emptied.
    tamperHook().weakenGuard("checkpoints_no_update");
    assertThat(store.appendOnlyGuardFaults())
        .containsExactly(new GuardFault("checkpoints_no_update", GuardFault.Kind.ALTERED));
  }

  @Test
  void runsInWalModeWithFullSync() {
    String journalMode =
        jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
    assertThat(journalMode).isEqualToIgnoringCase("wal");
    // 2 = FULL: every commit is fsynced before it returns.
    int synchronous =
        jdbi().withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
    assertThat(synchronous).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "leaves:leaf", "merkle_nodes:hash", "link_keys:link_key", "link_index:seq", "checkpoints:note"})
  void theDatabaseRefusesUpdatesAndDeletes(String tableAndColumn) {
    String table = tableAndColumn.split(":")[0];
    String column = tableAndColumn.split(":")[1];
    try (Sequencer sequencer = TestLedger.sequencer((SqliteLedgerStore) store, TestLedger.signer(0))) {
      TestLedger.appendViews(sequencer, 2);
    }
    long rows = jdbi().withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    assertThat(rows).isPositive();
    assertThatThrownBy(() -> jdbi().useHandle(h -> h.execute("DELETE FROM " + table)))
        .hasMessageContaining("ledger is append-only: DELETE on " + table + " refused");
    assertThatThrownBy(() -> jdbi().useHandle(h ->
            h.execute("UPDATE " + table + " SET " + column + " = " + column)))
        .hasMessageContaining("ledger is append-only: UPDATE on " + table + " refused");
    long after = jdbi().withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    assertThat(after).isEqualTo(rows);
  }

  @Test
  void reopeningKeepsEverythingAndAppliesMigrationsOnce() {
    store.append(new io.accessledger.store.AppendBatch(List.of(), List.of(),
        new io.accessledger.store.StoredCheckpoint(0, "n")));
    store.close();
    store = newStore();
    assertThat(store.latestCheckpoint()).isPresent();
    int migrations = jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM schema_migrations")
        .mapTo(Integer.class).one());
    assertThat(migrations).isEqualTo(SqliteMigrations.LATEST).isEqualTo(4);
  }

  @Test
  void aLedgerWithTheKeyOrderedIndexOfSchema2IsRefiledBySpanAndStillVerifies() throws Exception {
    CheckpointSigner signer = TestLedger.signer(0);
    try (Sequencer sequencer = TestLedger.sequencer((SqliteLedgerStore) store, signer)) {
      // Past the first span (65 536 entries), so the migration has to file rows in two.
      TestLedger.appendViewsInGroups(sequencer, 66_000);
    }
    List<Long> child3 = store.seqsFor("subject:child-3", 65_000, 100);
    long rows = jdbi().withHandle(h ->
        h.createQuery("SELECT COUNT(*) FROM link_index").mapTo(Long.class).one());
    store.close();
    // Back to the index as schema 2 kept it, as a ledger written before migration 3 holds it.
    Path db = dir.resolve("ledger.db");
    TestLedger.execute(db,
        "CREATE TABLE old_index (key_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
            + " PRIMARY KEY (key_id, seq)) WITHOUT ROWID",
        "INSERT INTO old_index SELECT key_id, seq FROM link_index",
        "DROP TABLE link_index",
        "ALTER TABLE old_index RENAME TO link_index",
        // Schema 1's triggers, which migration 3 drops with the old table and makes again.
        "CREATE TRIGGER link_index_no_update BEFORE UPDATE ON link_index BEGIN"
            + " SELECT RAISE(ABORT, 'ledger is append-only: UPDATE on link_index refused'); END",
        "CREATE TRIGGER link_index_no_delete BEFORE DELETE ON link_index BEGIN"
            + " SELECT RAISE(ABORT, 'ledger is append-only: DELETE on link_index refused'); END",
        "DELETE FROM schema_migrations WHERE version = 3");

    store = newStore();

    long filed = jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM link_index"
        + " WHERE span = seq >> 16").mapTo(Long.class).one());
    long spans = jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT span) FROM link_index")
        .mapTo(Long.class).one());
    assertThat(filed).isEqualTo(rows);
    assertThat(spans).isEqualTo(2);
    assertThat(child3).hasSize(100).allMatch(seq -> seq > 65_000);
    assertThat(store.seqsFor("subject:child-3", 65_000, 100)).isEqualTo(child3);
    assertThat(new LedgerVerifier(store, signer.verifierKey()).verify().isIntact()).isTrue();
    assertThatThrownBy(() -> jdbi().useHandle(h -> h.execute("DELETE FROM link_index")))
        .hasMessageContaining("ledger is append-only: DELETE on link_index refused");
    assertThatThrownBy(() -> jdbi().useHandle(h -> h.execute("UPDATE link_index SET seq = seq")))
        .hasMessageContaining("ledger is append-only: UPDATE on link_index refused");
  }
}
