package io.accessledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessledger.ledger.json.CanonicalJson;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier rebuilds every posted event's content digest exactly as ingest computed it: events
 * of every type, an extract release among them, go through {@link EventIngest} as the API posts
 * them, and the ledger they make verifies, event-id index and all.
 */
class PostedEventsVerifyTest {
  @TempDir Path dir;

  @Test
  void aLedgerBuiltByIngestVerifies() {
    Path db = dir.resolve("ledger.db");
    CheckpointSigner signer = TestLedger.signer(0);
    try (LedgerStore store = TestLedger.openStore(db);
        Sequencer sequencer = TestLedger.sequencer(store, signer)) {
      EventIngest ingest =
          new EventIngest(sequencer, store, new EventValidator(LegalBasisVocabulary.shipped()));
      for (String fixture : List.of("view", "view-minimal", "share-decision")) {
        ingest.postOne("case-system", CanonicalJson.serialize(Events.fixture(fixture)));
      }
      Map<String, Object> release = Events.fixture("extract-release");
      Events.set(release, "subjects[1].id", "child-\"\u00e9\"\\");
      assertThat(ingest.postOne("case-system", CanonicalJson.serialize(release)).appended())
          .isTrue();
      // A replay is answered, not appended: the index still holds one row for it.
      assertThat(ingest.postOne("case-system", CanonicalJson.serialize(release)).appended())
          .isFalse();
      Map<String, Object> other = Events.fixture("extract-release");
      Events.set(other, "eventId", "ig:extract:second");
      Map<String, Object> view = Events.fixture("view");
      Events.set(view, "eventId", "after-the-release");
      ingest.postBatch("health-system", CanonicalJson.serialize(List.of(other, view)));
    }
    try (LedgerStore store = TestLedger.openStore(db)) {
      VerificationResult result = new LedgerVerifier(store, signer.verifierKey()).verify();
      assertThat(result.isIntact()).as(result.problem()).isTrue();
      // 3 single events, a release of 3 subjects, then another release of 3 and a view.
      assertThat(result.entries()).isEqualTo(3 + 4 + 4 + 1);
    }
  }
}
