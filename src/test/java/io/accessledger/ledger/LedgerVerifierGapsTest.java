package io.accessledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.health.TreeRootHealthCheck;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes stretches of entries from a real SQLite ledger, as an attacker holding the file would,
 * and checks that every report names the whole stretch removed, not only its first entry: in the
 * middle of the log, at its tail, at start-up and in the health check.
 */
class LedgerVerifierGapsTest {
  /** One checkpoint per entry, as a lightly loaded server writes them. */
  private static final int ENTRIES = 38;

  @TempDir Path dir;
  private Path db;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @BeforeEach
  void buildLedger() {
    db = dir.resolve("ledger.db");
    TestLedger.buildFile(db, signer, ENTRIES);
  }

  private VerificationResult verify() {
    return TestLedger.verifyFile(db, signer.verifierKey());
  }

  @Test
  void entriesRemovedFromTheTailAreNamedAsAWholeStretch() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq BETWEEN 35 AND 37");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(35);
    assertThat(result.problem()).startsWith("entries 35 to 37 were removed (truncated tail)")
        .contains("a checkpoint of tree size 38 is signed but only 35 entries are stored");
  }

  @Test
  void oneEntryRemovedFromTheTailIsNamedAlone() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq = 37");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(37);
    assertThat(result.problem()).startsWith("entry 37 was removed (truncated tail)");
  }

  @Test
  void entriesRemovedFromTheMiddleAreNamedAsAWholeStretch() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq BETWEEN 20 AND 22");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(20);
    assertThat(result.problem())
        .isEqualTo("entries 20 to 22 are missing: the next stored entry is 23 (removed)");
  }

  @Test
  void aTailRemovedWithSomeOfItsCheckpointsIsNamedUpToTheLatestSignedOne() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq >= 30",
        "DELETE FROM checkpoints WHERE tree_size > 34");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem()).startsWith("entries 30 to 33 were removed (truncated tail)");
  }

  @Test
  void aForgedCheckpointBeyondATruncatedTailIsNamedAsForged() throws Exception {
    Checkpoint genuine;
    try (LedgerStore store = TestLedger.openStore(db)) {
      genuine = SignedCheckpoint.open(
          store.latestCheckpoint().orElseThrow().note(), signer.verifierKey());
    }
    Checkpoint bigger = new Checkpoint(genuine.origin(), 50, genuine.root());
    String forged = TestLedger.signer(100).sign(bigger);
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq >= 35",
        "INSERT INTO checkpoints (tree_size, note) VALUES (50, '" + forged + "')");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(35);
    assertThat(result.problem()).contains("the checkpoint stored for tree size 50")
        .contains("is not validly signed").contains("forged or altered checkpoint")
        .doesNotContain("is signed but");
  }

  @Test
  void aSingleEntryBeyondTheLastCheckpointIsNamedAlone() throws Exception {
    TestLedger.tamper(db, "DELETE FROM checkpoints WHERE tree_size = 38");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(37);
    assertThat(result.problem()).startsWith("entry 37 is not covered by any signed checkpoint");
  }

  @Test
  void anEntryStoredTwiceIsNamedAsSuchNotAsMissing() throws Exception {
    // Only a table rebuilt without its primary key can hold two rows for one seq.
    TestLedger.tamper(db,
        "CREATE TABLE loose (seq INTEGER, leaf BLOB, leaf_hash BLOB)",
        "INSERT INTO loose SELECT seq, leaf, leaf_hash FROM leaves",
        "INSERT INTO loose SELECT seq, leaf, leaf_hash FROM leaves WHERE seq = 12",
        "DROP TABLE leaves",
        "ALTER TABLE loose RENAME TO leaves");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(13);
    assertThat(result.problem()).startsWith("entry 12 is stored twice, or out of order");
  }

  @Test
  void startUpNamesTheWholeStretchRemovedFromTheTail() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq BETWEEN 35 AND 37");
    try (LedgerStore store = TestLedger.openStore(db)) {
      assertThatThrownBy(() -> TestLedger.sequencer(store, signer))
          .isInstanceOf(LedgerStateException.class)
          .hasMessageContaining("holds 35 entries but its latest signed checkpoint covers 38:"
              + " entries 35 to 37 were removed");
    }
  }

  @Test
  void theTreeRootHealthCheckNamesTheWholeStretch() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq BETWEEN 35 AND 37");
    try (LedgerStore store = TestLedger.openStore(db)) {
      HealthCheck.Result removed = new TreeRootHealthCheck(store, signer.verifierKey()).execute();
      assertThat(removed.isHealthy()).isFalse();
      assertThat(removed.getMessage()).isEqualTo("storage holds 35 entries but the latest"
          + " checkpoint covers 38: entries 35 to 37 were removed");
    }
    TestLedger.tamper(db, "DELETE FROM checkpoints WHERE tree_size > 33");
    try (LedgerStore store = TestLedger.openStore(db)) {
      HealthCheck.Result added = new TreeRootHealthCheck(store, signer.verifierKey()).execute();
      assertThat(added.getMessage()).isEqualTo("storage holds 35 entries but the latest"
          + " checkpoint covers 33: entries 33 to 34 were added outside the service");
    }
  }
}
