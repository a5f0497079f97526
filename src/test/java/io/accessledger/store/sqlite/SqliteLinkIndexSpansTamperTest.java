package io.accessledger.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits of the per-key index that only a ledger of more than one span (65 536 entries) allows: the
 * edited row is the last of its key in an older span, so the key's latest entry, in a later span,
 * does not give it away. SQLite's own layout, beside the catalogue ({@link SqliteLedgerTamperTest}):
 * the index is partitioned by span, and SQLite stores text in an integer column.
 */
class SqliteLinkIndexSpansTamperTest {
  private static final int ENTRIES = 66_000;

  @TempDir Path dir;
  private Path db;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @BeforeEach
  void buildLedger() {
    db = dir.resolve("ledger.db");
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      TestLedger.appendViewsInGroups(sequencer, ENTRIES);
    }
  }

  private VerificationResult verify() {
    return TestLedger.verifyFile(db, signer.verifierKey());
  }

  /** child-3's last entry in span 0: the largest seq below 65 536 with seq % 9 == 3. */
  private static final long LAST_IN_SPAN_0 = 65_532;

  @Test
  void theLedgerIsIntactAsBuilt() {
    assertThat(LAST_IN_SPAN_0 % 9).isEqualTo(3);
    assertThat(verify().isIntact()).isTrue();
  }

  @Test
  void aSeqStoredAsTextIsNamed() throws Exception {
    // Read back as 65532 by every aggregate, but sorted above every number: a page ending at
    // 65532 would repeat it, and the head below 65540 would skip it.
    TestLedger.tamper(db, "UPDATE link_index SET seq = '" + LAST_IN_SPAN_0 + "x' WHERE span = 0"
        + " AND seq = " + LAST_IN_SPAN_0 + " AND key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-3')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("entries for subject:child-3").contains("index edited");
  }

  @Test
  void aRowMovedToALaterSpanIsNamed() throws Exception {
    // Still found by a lookup that reaches span 1, but after the entries of span 0 it belongs among.
    TestLedger.tamper(db, "UPDATE link_index SET span = 1 WHERE span = 0 AND seq = "
        + LAST_IN_SPAN_0 + " AND key_id ="
        + " (SELECT id FROM link_keys WHERE link_key = 'subject:child-3')");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.problem()).contains("index edited");
  }
}
