package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoreException;
import io.accessledger.support.ForwardingLedgerStore;
import io.accessledger.support.TestLedger;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle writer over a store that fails part-way: the output must not look complete. */
class EvidenceBundlesTest {
  @Test
  void aStoreFailurePartWayLeavesAVisiblyCutOffDocument(@TempDir Path dir) throws Exception {
    LedgerStore real = TestLedger.openStore(dir.resolve("ledger.db"));
    CheckpointSigner signer = TestLedger.signer(1);
    Sequencer sequencer = TestLedger.sequencer(real, signer);
    for (int i = 0; i < 600; i++) { // more than one chunk of entries
      sequencer.append(TestLedger.prepared("e-" + i, "child-1", "worker-1")).join();
    }
    AtomicInteger calls = new AtomicInteger();
    ForwardingLedgerStore failing = new ForwardingLedgerStore(real) {
      @Override
      public List<Long> seqsFor(String linkKey, long afterSeq, int limit) {
        if (calls.incrementAndGet() == 2) {
          throw new StoreException("disk went away");
        }
        return super.seqsFor(linkKey, afterSeq, limit);
      }
    };
    EvidenceBundles bundles =
        new EvidenceBundles(failing, new LedgerQueries(failing, sequencer));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() ->
        bundles.write(new EvidenceRequest("subject:child-1", List.of()), 0, out))
        .isInstanceOf(StoreException.class).hasMessageContaining("disk went away");
    assertThat(out.size()).as("the first chunk was streamed").isGreaterThan(100_000);
    assertThatThrownBy(() -> new ObjectMapper().readTree(out.toByteArray()))
        .as("a cut-off bundle must not parse as a complete document")
        .hasMessageContaining("end-of-input");
    sequencer.close();
    real.close();
  }
}
