package io.accessledger.store;

import io.accessledger.ledger.writer.LogSigning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.health.HealthCheck;
import io.accessledger.health.TreeRootHealthCheck;
import io.accessledger.health.WriterHealthCheck;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.NodeId;
import io.accessledger.ledger.writer.LedgerStateException;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.support.TestLedger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Edits the service's writer meets: at start-up, which checks the stored tail against the latest
 * signed checkpoint, and while it runs, where the health checks and the next append see them.
 * Each case writes its own small ledger.
 */
abstract class WriterTampers extends TamperCases {
  WriterTampers(LedgerTamperContract backend) {
    super(backend);
  }

  private void writeViews(int count) {
    write(sequencer -> TestLedger.appendViews(sequencer, count));
  }

  @Test
  void startingOverARemovedLastEntryIsRefused() {
    writeViews(5);
    tamper().deleteLeaves(4, 5);
    try (LedgerStore store = openStore()) {
      assertThatThrownBy(() -> startWriter(store))
          .isInstanceOf(LedgerStateException.class)
          .hasMessageContaining("holds 4 entries but its latest signed checkpoint covers 5");
    }
  }

  @Test
  void startingWithAnEditedLastLeafHashIsRefused() {
    writeViews(4);
    // Size 4: the root is one stored node, which this edit does not touch.
    tamper().rewriteLeaf(3, leaf(3).leaf(), Digest.ZERO);
    try (LedgerStore store = openStore()) {
      assertThatThrownBy(() -> startWriter(store))
          .isInstanceOf(LedgerStateException.class)
          .hasMessageContaining("last entry 3 is not the one its signed tree holds");
    }
  }

  @Test
  void aLinkHeadFromAnEditedIndexIsNeverSigned() {
    writeViews(3);
    tamper().addLinkRow("subject:child-1", 99);
    try (LedgerStore store = openStore(); Sequencer sequencer = startWriter(store)) {
      assertThatThrownBy(() -> sequencer.append(TestLedger.prepared("x", "child-1", "w")).join())
          .hasMessageContaining("the link index for subject:child-1 names entry 99");
      assertThat(store.size()).isEqualTo(3);
      assertThat(sequencer.lastFailure()).isPresent();
    }
  }

  @Test
  void aLeafAddedWhileTheWriterRunsIsSeenByTheHealthChecksAndRefusesTheNextAppend() {
    try (LedgerStore store = openStore(); Sequencer sequencer = startWriter(store)) {
      TestLedger.appendViews(sequencer, 2);
      HealthCheck writer = new WriterHealthCheck(sequencer);
      HealthCheck tree = new TreeRootHealthCheck(store, LogSigning.fixed(store, signer));
      assertThat(writer.execute().isHealthy()).isTrue();
      tamper().insertLeaf(2, "{}".getBytes(StandardCharsets.UTF_8), Digest.ZERO);
      assertThat(tree.execute().getMessage()).contains("added outside the service");
      // Refused by the store as stale, or seen before writing where the store says others may
      // append (PostgreSQL): either way the reload names the entry added outside the service.
      assertThatThrownBy(() -> TestLedger.appendViews(sequencer, 1))
          .hasMessageContaining("entry 2 was added outside the service");
      HealthCheck.Result result = writer.execute();
      assertThat(result.isHealthy()).isFalse();
      assertThat(result.getMessage()).contains("could not be written");
    }
  }

  @Test
  void aMerkleNodeEditedWhileTheWriterRunsIsSeenByTheTreeHealthCheck() {
    try (LedgerStore store = openStore(); Sequencer sequencer = startWriter(store)) {
      TestLedger.appendViews(sequencer, 6);
      HealthCheck tree = new TreeRootHealthCheck(store, LogSigning.fixed(store, signer));
      assertThat(tree.execute().isHealthy()).as(tree.execute().getMessage()).isTrue();
      tamper().rewriteNode(new NodeId(2, 0), Digest.ZERO);
      HealthCheck.Result result = tree.execute();
      assertThat(result.isHealthy()).isFalse();
      assertThat(result.getMessage()).contains("does not match").doesNotContain("Exception");
    }
  }
}
