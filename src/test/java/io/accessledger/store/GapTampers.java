package io.accessledger.store;

import io.accessledger.ledger.writer.LogSigning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.health.TreeRootHealthCheck;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.support.TestLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stretches of entries removed (or one stored twice) in a ledger of 38 entries each under its own
 * checkpoint, as a lightly loaded server writes them: every report names the whole stretch, not
 * only its first entry, in the middle of the log, at its tail, at start-up and in the health check.
 */
abstract class GapTampers extends TamperCases {
  private static final int ENTRIES = 38;

  GapTampers(LedgerTamperContract backend) {
    super(backend);
  }

  @BeforeEach
  void writeLedger() {
    write(sequencer -> TestLedger.appendViews(sequencer, ENTRIES));
  }

  @Test
  void entriesRemovedFromTheTailAreNamedAsAWholeStretch() {
    tamper().deleteLeaves(35, 38);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(35);
    assertThat(result.problem()).startsWith("entries 35 to 37 were removed (truncated tail)")
        .contains("a checkpoint of tree size 38 is signed but only 35 entries are stored");
  }

  @Test
  void oneEntryRemovedFromTheTailIsNamedAlone() {
    tamper().deleteLeaves(37, 38);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(37);
    assertThat(result.problem()).startsWith("entry 37 was removed (truncated tail)");
  }

  @Test
  void entriesRemovedFromTheMiddleAreNamedAsAWholeStretch() {
    tamper().deleteLeaves(20, 23);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(20);
    assertThat(result.problem())
        .isEqualTo("entries 20 to 22 are missing: the next stored entry is 23 (removed)");
  }

  @Test
  void aTailRemovedWithSomeOfItsCheckpointsIsNamedUpToTheLatestSignedOne() {
    tamper().deleteLeaves(30, 38);
    tamper().deleteCheckpoints(35, 39);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem()).startsWith("entries 30 to 33 were removed (truncated tail)");
  }

  @Test
  void aForgedCheckpointBeyondATruncatedTailIsNamedAsForged() throws Exception {
    Checkpoint genuine = SignedCheckpoint.open(checkpointNote(38), signer.verifierKey());
    Checkpoint bigger = new Checkpoint(genuine.origin(), 50, genuine.root());
    tamper().deleteLeaves(35, 38);
    tamper().writeCheckpoint(50, TestLedger.signer(100).sign(bigger));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(35);
    assertThat(result.problem()).contains("the checkpoint stored for tree size 50")
        .contains("is not validly signed").contains("forged or altered checkpoint")
        .doesNotContain("is signed but");
  }

  @Test
  void aSingleEntryBeyondTheLastCheckpointIsNamedAlone() {
    tamper().deleteCheckpoints(38, 39);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(37);
    assertThat(result.problem()).startsWith("entry 37 is not covered by any signed checkpoint");
  }

  @Test
  void anEntryStoredTwiceIsNamedAsSuchNotAsMissing() {
    tamper().storeLeafTwice(12);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(13);
    assertThat(result.problem()).startsWith("entry 12 is stored twice, or out of order");
  }

  @Test
  void startUpNamesTheWholeStretchRemovedFromTheTail() {
    tamper().deleteLeaves(35, 38);
    try (LedgerStore store = openStore()) {
      assertThatThrownBy(() -> startWriter(store))
          .isInstanceOf(LedgerStateException.class)
          .hasMessageContaining("holds 35 entries but its latest signed checkpoint covers 38:"
              + " entries 35 to 37 were removed");
    }
  }

  @Test
  void theTreeRootHealthCheckNamesTheWholeStretch() {
    tamper().deleteLeaves(35, 38);
    try (LedgerStore store = openStore()) {
      HealthCheck.Result removed = new TreeRootHealthCheck(store, LogSigning.fixed(store, signer)).execute();
      assertThat(removed.isHealthy()).isFalse();
      assertThat(removed.getMessage()).isEqualTo("storage holds 35 entries but the latest"
          + " checkpoint covers 38: entries 35 to 37 were removed");
    }
    tamper().deleteCheckpoints(34, 39);
    try (LedgerStore store = openStore()) {
      HealthCheck.Result added = new TreeRootHealthCheck(store, LogSigning.fixed(store, signer)).execute();
      assertThat(added.getMessage()).isEqualTo("storage holds 35 entries but the latest"
          + " checkpoint covers 33: entries 33 to 34 were added outside the service");
    }
  }
}
