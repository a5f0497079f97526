package io.accessledger.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerSnapshot;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification of an intact real ledger: what it reports, the key it checks against, and how it
 * reads the store (a failed read is reported, an append between its snapshots is not mistaken for
 * an edit). Every edit verification must catch is in the tamper catalogue,
 * {@code io.accessledger.store.LedgerTamperContract}, run against each backend.
 */
class LedgerVerifierTest {
  private static final int ENTRIES = 40;

  @TempDir Path dir;
  private Path db;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @BeforeEach
  void buildLedger() {
    db = dir.resolve("ledger.db");
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      // One checkpoint per append for the first 30, then a group of 10 under one checkpoint.
      TestLedger.appendViews(sequencer, 30);
      List<PreparedEvent> group = new java.util.ArrayList<>();
      for (int i = 30; i < ENTRIES; i++) {
        group.add(TestLedger.prepared("g-" + i, "child-" + (i % 7), "worker-1"));
      }
      sequencer.appendGroup(group).join();
    }
  }

  private VerificationResult verify() {
    return verify(signer.verifierKey());
  }

  private VerificationResult verify(VerifierKey key) {
    return TestLedger.verifyFile(db, key);
  }

  @Test
  void anIntactLedgerVerifies() {
    VerificationResult result = verify();
    assertThat(result.isIntact()).as(result.problem()).isTrue();
    assertThat(result.entries()).isEqualTo(ENTRIES);
    assertThat(result.checkpoints()).isEqualTo(1 + 30 + 1);
  }

  @Test
  void aFailureReadingTheLinkIndexIsReportedNotSwallowed() {
    try (LedgerStore store = TestLedger.openStore(db)) {
      LedgerStore failing = new ForwardingLedgerStore(store) {
        @Override
        public LedgerSnapshot snapshot() {
          return failingLinkSummary(super.snapshot());
        }
      };
      assertThatThrownBy(() -> new LedgerVerifier(failing, signer.verifierKey()).verify())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("the disk went away");
    }
  }

  @Test
  void anAppendBetweenOpeningSnapshotsLeavesTheOtherSnapshotsUnused() {
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      AtomicInteger opened = new AtomicInteger();
      LedgerStore racing = new ForwardingLedgerStore(store) {
        @Override
        public LedgerSnapshot snapshot() {
          if (opened.incrementAndGet() == 2) {
            sequencer.append(TestLedger.prepared("late", "child-1", "worker-1")).join();
          }
          return super.snapshot();
        }
      };
      // Read through a snapshot one entry ahead, either index would disagree with the leaves.
      VerificationResult result = new LedgerVerifier(racing, signer.verifierKey()).verify();
      assertThat(result.isIntact()).isTrue();
      assertThat(result.entries()).isEqualTo(ENTRIES);
      assertThat(opened).hasValue(2);
    }
  }

  /** {@code real}, except that reading the link index's summary fails. */
  private static LedgerSnapshot failingLinkSummary(LedgerSnapshot real) {
    return (LedgerSnapshot) Proxy.newProxyInstance(LedgerSnapshot.class.getClassLoader(),
        new Class<?>[] {LedgerSnapshot.class}, (proxy, method, args) -> {
          if (method.getName().equals("linkIndexSummary")) {
            throw new StoreException("reading the link index failed: the disk went away");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void theWrongVerifierKeyFailsAtTheFirstCheckpoint() {
    VerificationResult result = verify(TestLedger.signer(55).verifierKey());
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("tree size 0");
  }
}
