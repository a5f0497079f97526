package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.support.TestLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forged, altered and deleted checkpoints in the {@link TamperCases#writeMixedLedger mixed
 * ledger}: verify names the first entry no valid signature covers.
 */
abstract class CheckpointTampers extends TamperCases {
  CheckpointTampers(LedgerTamperContract backend) {
    super(backend);
  }

  @BeforeEach
  void writeLedger() {
    writeMixedLedger();
  }

  @Test
  void aCheckpointSignedByAnotherKeyIsNamed() throws Exception {
    Checkpoint genuine = SignedCheckpoint.open(checkpointNote(40), signer.verifierKey());
    tamper().writeCheckpoint(40, TestLedger.signer(100).sign(genuine));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem()).contains("tree size 40").contains("forged or altered");
  }

  @Test
  void anAlteredCheckpointIsNamed() {
    // The note's size line says 24, where it is stored as the checkpoint of 25.
    tamper().writeCheckpoint(25, checkpointNote(25).replace("\n25\n", "\n24\n"));
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(24);
    assertThat(result.problem()).contains("tree size 25").contains("forged or altered");
  }

  @Test
  void entriesBeyondTheLastRemainingCheckpointAreNamed() {
    tamper().deleteCheckpoints(40, 41);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(30);
    assertThat(result.problem()).contains("entries 30 to 39 are not covered by any signed checkpoint");
  }

  @Test
  void aLedgerWithNoCheckpointsIsNotIntact() {
    tamper().deleteCheckpoints(0, Long.MAX_VALUE);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("no signed checkpoint");
  }
}
