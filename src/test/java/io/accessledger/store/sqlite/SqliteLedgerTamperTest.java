package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.LedgerTamperContract;
import io.accessledger.store.TamperCases;
import io.accessledger.store.TamperHook;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tamper catalogue against a real SQLite ledger file, edited with raw SQL as anyone who can
 * open the file can ({@link SqliteTamperHook}); then the edits only SQLite's own layout allows:
 * link-index rows filed under another span than their seq's (the index is partitioned by
 * {@code seq >> 16}), seqs that are not whole numbers (SQLite stores any value in any column, and
 * a table rebuilt without its NOT NULL holds nulls), a row replaced by {@code INSERT OR REPLACE},
 * and the driver's own words for a dropped table.
 */
class SqliteLedgerTamperTest extends LedgerTamperContract {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("ledger.db");
  }

  @Override
  protected LedgerStore openStore() {
    return TestLedger.openStore(db());
  }

  @Override
  protected TamperHook tamperHook() {
    return new SqliteTamperHook(db());
  }

  private static final String CHILD_5 =
      "(SELECT id FROM link_keys WHERE link_key = 'subject:child-5')";

  /** Replaces the link index with one of no constraints, as an attacker may rebuild it. */
  private static final List<String> LOOSE_INDEX = List.of(
      "CREATE TABLE loose (span INTEGER, key_id INTEGER, seq INTEGER)",
      "INSERT INTO loose SELECT span, key_id, seq FROM link_index",
      "DROP TABLE link_index",
      "ALTER TABLE loose RENAME TO link_index");

  @Nested
  class SqliteLayout extends TamperCases {
    SqliteLayout() {
      super(SqliteLedgerTamperTest.this);
    }

    @BeforeEach
    void writeLedger() {
      writeMixedLedger();
    }

    private VerificationResult tamperAndVerify(String... sql) throws Exception {
      TestLedger.tamper(db(), sql);
      return verify();
    }

    private VerificationResult looseIndexAndVerify(String sql) throws Exception {
      List<String> all = new java.util.ArrayList<>(LOOSE_INDEX);
      all.add(sql);
      return tamperAndVerify(all.toArray(String[]::new));
    }

    @Test
    void aLinkIndexRowFiledOutsideItsSpanIsNamed() throws Exception {
      // A second row for a real entry, filed where lookups never look for seq 12 (span 0).
      VerificationResult result = tamperAndVerify(
          "INSERT INTO link_index (span, key_id, seq) SELECT 1, " + CHILD_5 + ", 12");
      assertThat(result.firstBadSeq()).hasValue(12);
      assertThat(result.problem()).isEqualTo("the link index holds 1 rows that lookups would"
          + " miss or misread: under key ids that name no key, outside their span, or not a whole"
          + " seq (index edited)");
    }

    @Test
    void aLinkIndexRowMovedOutOfItsSpanIsNamed() throws Exception {
      VerificationResult result = tamperAndVerify(
          "UPDATE link_index SET span = 3 WHERE seq = 12 AND key_id = " + CHILD_5);
      assertThat(result.isIntact()).isFalse();
      assertThat(result.problem()).contains("entries for subject:child-5").contains("index edited");
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRowPlantedUnderAnAbsurdSpanIsNamedAndLookupsIgnoreIt() throws Exception {
      TestLedger.tamper(db(), "INSERT INTO link_index (span, key_id, seq) SELECT 1073741824, id,"
          + " 70368744177664 FROM link_keys WHERE link_key = 'subject:child-1'");
      try (LedgerStore store = openStore()) {
        // child-1 is named by every seventh entry from 1 (40 entries): 1, 8, …, 36.
        assertThat(store.latestSeqs(List.of("subject:child-1")))
            .containsEntry("subject:child-1", 36L);
        assertThat(store.seqsFor("subject:child-1", 29, 10)).containsExactly(36L);
        assertThat(store.latestSeqBelow("subject:child-1", Long.MAX_VALUE)).isEqualTo(36);
      }
      assertThat(verify().problem())
          .startsWith("the link index holds 1 rows that lookups would miss");
    }

    @Test
    void aLinkIndexRowWithAFractionalSeqIsNamed() throws Exception {
      // Read back as 12 by lookups, but sorted after 12: a page ending at 12 would repeat it.
      VerificationResult result = tamperAndVerify(
          "UPDATE link_index SET seq = 12.5 WHERE seq = 12 AND key_id = " + CHILD_5);
      assertThat(result.isIntact()).isFalse();
      assertThat(result.problem()).contains("entries for subject:child-5").contains("index edited");
    }

    @Test
    void aLinkIndexRowWithNoSeqIsNamed() throws Exception {
      // Only a table rebuilt without the primary key's NOT NULL can hold one.
      VerificationResult result = looseIndexAndVerify(
          "INSERT INTO link_index SELECT 0, " + CHILD_5 + ", NULL");
      assertThat(result.isIntact()).isFalse();
      assertThat(result.problem()).contains("entries for subject:child-5").contains("index edited");
    }

    @Test
    void aLinkIndexRowWhoseSeqIsReplacedByNullIsNamed() throws Exception {
      // At seq 0 the count, the latest and the sum of seqs would all stay the same.
      VerificationResult result = looseIndexAndVerify("UPDATE link_index SET seq = NULL"
          + " WHERE seq = 0 AND key_id = (SELECT id FROM link_keys WHERE link_key = 'subject:child-0')");
      assertThat(result.isIntact()).isFalse();
      assertThat(result.problem()).contains("entries for subject:child-0").contains("index edited");
    }

    @Test
    void aReplacedRowIsRefusedByTheDatabase() {
      // INSERT OR REPLACE deletes the row it replaces, which the delete trigger refuses.
      try (SqliteLedgerStore store = TestLedger.openSqliteStore(db())) {
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(
                "INSERT OR REPLACE INTO leaves (seq, leaf, leaf_hash) SELECT seq, leaf, leaf_hash"
                    + " FROM leaves WHERE seq = 3")))
            .hasMessageContaining("ledger is append-only: DELETE on leaves refused");
      }
      assertThat(verify().isIntact()).isTrue();
    }

    @Test
    void aDroppedEventIdTableIsNamedInTheProblem() throws Exception {
      VerificationResult result = tamperAndVerify("DROP TABLE event_ids");
      assertThat(result.firstBadSeq()).hasValue(0);
      assertThat(result.problem()).contains("cannot be read").contains("event_ids");
    }
  }
}
