package io.accessledger.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.ExtractReleases;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extract releases written with fewer EXTRACT_SUBJECT entries than they name: verification names
 * the release. Every edit of the event-id index verification must catch is in the tamper catalogue,
 * {@code io.accessledger.store.LedgerTamperContract}, run against each backend.
 */
class EventIdIndexVerifierTest {
  @TempDir Path dir;
  private final CheckpointSigner signer = TestLedger.signer(0);

  @Test
  void aReleaseWhoseSubjectEntriesAreCutShortIsNamedAtTheRelease() {
    Path other = dir.resolve("short.db");
    try (LedgerStore store = TestLedger.openStore(other);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.append(TestLedger.prepared("v-0", "child-0", "worker-1")).join();
      List<PreparedEvent> group =
          new ArrayList<>(ExtractReleases.entries(ExtractReleases.release("rel-2"), 2));
      group.add(TestLedger.prepared("v-4", "child-4", "worker-1"));
      sequencer.appendGroup(group).join();
    }
    VerificationResult result = verifyFile(other);
    assertThat(result.firstBadSeq()).hasValue(1);
    assertThat(result.problem()).contains(
        "the extract release at seq 1 names 3 subjects, but entry 4 is not its EXTRACT_SUBJECT"
            + " entry 2: its event has keys");
  }

  @Test
  void aReleaseAtTheEndOfTheLogMissingSubjectEntriesIsNamedAtTheRelease() {
    Path other = dir.resolve("end.db");
    try (LedgerStore store = TestLedger.openStore(other);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      sequencer.appendGroup(ExtractReleases.entries(ExtractReleases.release("rel-3"), 1)).join();
    }
    VerificationResult result = verifyFile(other);
    assertThat(result.firstBadSeq()).hasValue(0);
    assertThat(result.problem()).contains("the log ends after 1 of its EXTRACT_SUBJECT entries");
  }

  private VerificationResult verifyFile(Path file) {
    return TestLedger.verifyFile(file, signer.verifierKey());
  }
}
