package io.accessledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.health.AppendOnlyTriggersHealthCheck;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.support.TestLedger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The append-only guards removed, weakened or joined by one the schema does not define, in a
 * ledger of 12 entries: verify reports each one beside (not instead of) the entries, and the health
 * check sees them while the store is open.
 */
abstract class GuardTampers extends TamperCases {
  private static final int ENTRIES = 12;
  private static final String SWALLOWER = "swallow_leaves";

  GuardTampers(LedgerTamperContract backend) {
    super(backend);
  }

  @BeforeEach
  void writeLedger() {
    write(sequencer -> TestLedger.appendViews(sequencer, ENTRIES));
  }

  private List<String> guards() {
    return tamper().schemaGuards();
  }

  @Test
  void aLedgerAsWrittenHasEveryGuardInPlace() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).isTrue();
    assertThat(result.guardFaults()).isEmpty();
  }

  @Test
  void allGuardsRemovedIsNotIntactThoughEveryEntryVerifies() {
    tamper().removeAllGuards();
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.entriesIntact()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES);
    assertThat(result.guardFaults()).extracting(GuardFault::guard)
        .containsExactlyElementsOf(guards());
    assertThat(result.guardFaults()).extracting(GuardFault::kind)
        .containsOnly(GuardFault.Kind.MISSING);
  }

  @Test
  void oneGuardRemovedIsNamedAlone() {
    String removed = guards().get(guards().size() / 3);
    tamper().removeGuard(removed);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.guardFaults()).containsExactly(new GuardFault(removed, GuardFault.Kind.MISSING));
  }

  @Test
  void aGuardReplacedByOneThatRefusesNothingIsNamedAltered() {
    String weakened = guards().get(guards().size() - 1);
    tamper().weakenGuard(weakened);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.guardFaults())
        .containsExactly(new GuardFault(weakened, GuardFault.Kind.ALTERED));
  }

  @Test
  void aGuardAddedOnALedgerTableIsNamedUnexpectedThoughEveryGuardIsInPlace() {
    tamper().addLeafSwallower(SWALLOWER);
    VerificationResult result = verify();
    assertThat(result.isIntact()).isFalse();
    assertThat(result.entriesIntact()).isTrue();
    assertThat(result.guardFaults())
        .containsExactly(new GuardFault(SWALLOWER, GuardFault.Kind.UNEXPECTED));
  }

  @Test
  void anEditedEntryAndTheRemovedGuardsAreBothReported() {
    tamper().deleteLeaves(5, 6);
    VerificationResult result = verify();
    assertThat(result.firstBadSeq()).hasValue(5);
    assertThat(result.problem()).startsWith("entry 5 is missing");
    assertThat(result.guardFaults()).hasSize(guards().size());
  }

  @Test
  void theHealthCheckNamesGuardsRemovedWhileTheStoreIsOpen() {
    String first = guards().get(0);
    String last = guards().get(guards().size() - 1);
    try (LedgerStore store = openStore()) {
      HealthCheck check = new AppendOnlyTriggersHealthCheck(store);
      assertThat(check.execute().isHealthy()).isTrue();
      tamper().removeGuard(last);
      tamper().removeGuard(first);
      HealthCheck.Result result = check.execute();
      assertThat(result.isHealthy()).isFalse();
      assertThat(result.getMessage()).startsWith("append-only triggers not in place: "
          + first + " (missing), " + last + " (missing). The database no longer refuses");
    }
  }

  @Test
  void theHealthCheckNamesAGuardAddedWhileTheStoreIsOpen() {
    try (LedgerStore store = openStore()) {
      HealthCheck check = new AppendOnlyTriggersHealthCheck(store);
      tamper().addLeafSwallower(SWALLOWER);
      HealthCheck.Result result = check.execute();
      assertThat(result.isHealthy()).isFalse();
      assertThat(result.getMessage()).startsWith("append-only triggers not in place: "
          + SWALLOWER + " (unexpected). A trigger the migrations do not create runs on writes"
          + " to the ledger's tables: it can make an append store nothing")
          .doesNotContain("no longer refuses");
    }
  }
}
