package io.accessledger.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.store.GuardFault;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drops or replaces the append-only triggers of a real SQLite ledger, as someone holding the file
 * would, and checks that verification reports each one, beside (not instead of) the entries.
 */
class LedgerVerifierTriggersTest {
  @TempDir Path dir;
  private Path db;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @BeforeEach
  void buildLedger() {
    db = dir.resolve("ledger.db");
    TestLedger.buildFile(db, signer, 12);
  }

  private VerificationResult verify() {
    return TestLedger.verifyFile(db, signer.verifierKey());
  }

  @Test
  void anIntactLedgerHasEveryTriggerInPlace() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).isTrue();
    assertThat(result.guardFaults()).isEmpty();
  }

  @Test
  void allTriggersDroppedIsNotIntactThoughEveryEntryVerifies() throws Exception {
    TestLedger.tamper(db);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.entriesIntact()).isTrue();
    assertThat(result.entries()).isEqualTo(12);
    assertThat(result.guardFaults()).extracting(GuardFault::guard)
        .containsExactlyElementsOf(TestLedger.APPEND_ONLY_TRIGGERS);
    assertThat(result.guardFaults()).extracting(GuardFault::kind)
        .containsOnly(GuardFault.Kind.MISSING);
  }

  @Test
  void oneTriggerDroppedIsNamedAlone() throws Exception {
    TestLedger.execute(db, "DROP TRIGGER leaves_no_delete");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.guardFaults())
        .containsExactly(new GuardFault("leaves_no_delete", GuardFault.Kind.MISSING));
  }

  @Test
  void aTriggerReplacedByOneThatRefusesNothingIsNamedAltered() throws Exception {
    TestLedger.execute(db, "DROP TRIGGER merkle_nodes_no_update",
        "CREATE TRIGGER merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes BEGIN SELECT 1; END");
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.guardFaults())
        .containsExactly(new GuardFault("merkle_nodes_no_update", GuardFault.Kind.ALTERED));
  }

  @Test
  void aTriggerAddedOnALedgerTableIsNamedUnexpectedThoughEveryGuardIsInPlace() throws Exception {
    TestLedger.execute(db, TestLedger.SWALLOW_LEAVES);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.entriesIntact()).isTrue();
    assertThat(result.guardFaults())
        .containsExactly(new GuardFault("swallow_leaves", GuardFault.Kind.UNEXPECTED));
  }

  @Test
  void anEditedEntryAndTheDroppedTriggersAreBothReported() throws Exception {
    TestLedger.tamper(db, "DELETE FROM leaves WHERE seq = 5");
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem()).startsWith("entry 5 is missing");
    assertThat(result.guardFaults()).hasSize(12);
  }
}
