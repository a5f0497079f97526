package io.accessledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.api.ApiException;
import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.notes.Checkpoint;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.Cosignature;
import io.accessledger.ledger.notes.CosignatureSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.CosignerId;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.store.StoredCosignature;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoints {@code GET /v1/checkpoint} answers: the log's note followed by the cosignature
 * lines stored for it, still a note the log's verifier (which ignores other keys) accepts; and the
 * latest one every configured witness cosigned, or 404.
 */
class CosignedCheckpointsTest {
  @TempDir Path dir;

  private static CosignatureSigner witness(int seed, String name) {
    Ed25519Signer key = TestLedger.key(seed);
    return new CosignatureSigner(name, key, key.publicKey());
  }

  private static CosignerId id(CosignatureSigner witness) {
    return new CosignerId(witness.key().name(), witness.key().keyIdHex());
  }

  private static void cosign(LedgerStore store, CosignatureSigner witness,
      StoredCheckpoint checkpoint, CheckpointSigner log) throws Exception {
    Checkpoint opened = SignedCheckpoint.open(checkpoint.note(), log.verifierKey());
    store.addCosignature(new StoredCosignature(checkpoint.size(), id(witness),
        witness.sign(opened, Instant.parse("2026-12-07T12:00:00Z")).toString()));
  }

  @Test
  void theLatestCheckpointCarriesItsCosignaturesAndStaysTheLogsSignedNote() throws Exception {
    CheckpointSigner log = TestLedger.signer(1);
    CosignatureSigner first = witness(0x21, "w.example/one");
    CosignatureSigner second = witness(0x22, "w.example/two");
    try (LedgerStore store = TestLedger.openStore(dir.resolve("ledger.db"));
        Sequencer sequencer = TestLedger.sequencer(store, log)) {
      LedgerQueries queries = new LedgerQueries(store, sequencer);
      CosignedCheckpoints checkpoints =
          new CosignedCheckpoints(store, queries, List.of(id(first), id(second)));
      TestLedger.appendViews(sequencer, 3);
      StoredCheckpoint three = queries.checkpoint();
      assertThat(checkpoints.latest()).isEqualTo(three.note());
      assertThatThrownBy(checkpoints::requireCosigned).isInstanceOf(ApiException.class)
          .hasMessageContaining("no checkpoint is cosigned by every configured witness yet");

      cosign(store, first, three, log);
      String served = checkpoints.latest();
      assertThat(served).startsWith(three.note()).endsWith("\n");
      String line = served.substring(three.note().length(), served.length() - 1);
      Checkpoint opened = SignedCheckpoint.open(served, log.verifierKey());
      Cosignature.parse(line).verify(opened, first.key());
      assertThatThrownBy(checkpoints::requireCosigned).isInstanceOf(ApiException.class);

      cosign(store, second, three, log);
      for (int i = 0; i < 2; i++) {
        sequencer.append(TestLedger.prepared("later-" + i, "child-1", "worker-1")).join();
      }
      assertThat(queries.checkpoint().size()).isEqualTo(5);
      assertThat(checkpoints.latest()).isEqualTo(queries.checkpoint().note());
      assertThat(checkpoints.requireCosigned()).isEqualTo(3);
      String cosigned = checkpoints.latestCosigned();
      assertThat(SignedCheckpoint.open(cosigned, log.verifierKey()).size()).isEqualTo(3);
      assertThat(cosigned.lines().filter(l -> l.startsWith("\u2014 w.example/"))).hasSize(2);
    }
  }

  @Test
  void withNoWitnessConfiguredNothingIsCosigned() throws Exception {
    CheckpointSigner log = TestLedger.signer(1);
    try (LedgerStore store = TestLedger.openStore(dir.resolve("ledger.db"));
        Sequencer sequencer = TestLedger.sequencer(store, log)) {
      CosignedCheckpoints checkpoints =
          new CosignedCheckpoints(store, new LedgerQueries(store, sequencer), List.of());
      assertThatThrownBy(checkpoints::requireCosigned).isInstanceOf(ApiException.class)
          .hasMessageContaining("no witness is configured");
    }
  }
}
