package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LedgerStoreContract;
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
    assertThat(migrations).isEqualTo(SqliteMigrations.LATEST).isEqualTo(2);
  }
}
