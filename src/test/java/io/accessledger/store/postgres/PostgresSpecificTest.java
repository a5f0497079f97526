package io.accessledger.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.ledger.leaf.EncodedLeaf;
import io.accessledger.ledger.merkle.CompactRange;
import io.accessledger.ledger.merkle.Digest;
import io.accessledger.ledger.merkle.StoredNode;
import io.accessledger.ledger.merkle.TreeHasher;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.AppendBatch;
import io.accessledger.store.GuardFault;
import io.accessledger.store.StaleTailException;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.support.TestLedger;
import io.accessledger.support.postgres.TestDatabase;
import io.accessledger.support.postgres.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What only PostgreSQL's layout allows or needs: the server's narrow role, two processes' pools
 * racing for the same tail, and the edits its owner can make that SQLite's file has no word for
 * (TRUNCATE, a disabled trigger, the refusing function's body replaced).
 */
class PostgresSpecificTest {
  private final TestDatabase db = TestPostgres.shared().newDatabase();

  @Test
  void theServersRoleAppendsAndReadsButCannotChangeARow() {
    db.openLedgerStore().close(); // the owner migrates
    try (PostgresLedgerStore store = db.openLedgerStoreAsServer();
        Sequencer sequencer = TestLedger.sequencer(store, TestLedger.signer(0))) {
      TestLedger.appendViews(sequencer, 5);
      assertThat(store.size()).isEqualTo(5);
      assertThat(store.seqsFor("subject:child-1", -1, 10)).isNotEmpty();
      for (String edit : List.of("UPDATE leaves SET leaf = leaf", "DELETE FROM checkpoints",
          "TRUNCATE link_index", "DROP TRIGGER leaves_no_update ON leaves")) {
        assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute(edit)))
            .as(edit).hasMessageMatching("(?s).*(permission denied|must be owner).*");
      }
    }
  }

  @Test
  void aServerRoleCannotCreateTheSchema() {
    assertThatThrownBy(() -> db.openLedgerStoreAsServer())
        .hasMessageContaining("permission denied")
        .hasMessageContaining("migrate config.yml");
  }

  @Test
  void ofTwoNodesExtendingTheSameTailAtOnceExactlyOneIsWritten() throws Exception {
    try (PostgresLedgerStore first = db.openLedgerStore();
        PostgresLedgerStore second = db.openLedgerStore()) {
      first.append(batch(new CompactRange(), 0, 3, "a"));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 20; round++) {
          long size = first.size();
          CompactRange tree = new CompactRange(size,
              first.hashes(io.accessledger.ledger.merkle.MerkleMath.rootNodes(size)));
          AppendBatch mine = batch(new CompactRange(size, tree.frontier()), size, 2, "x" + round);
          AppendBatch theirs = batch(new CompactRange(size, tree.frontier()), size, 3,
              "y" + round);
          CountDownLatch go = new CountDownLatch(1);
          Future<Throwable> a = pool.submit(() -> attempt(go, first, mine));
          Future<Throwable> b = pool.submit(() -> attempt(go, second, theirs));
          go.countDown();
          Throwable lostA = a.get();
          Throwable lostB = b.get();
          assertThat(lostA == null ^ lostB == null).as("exactly one of the two is written, round "
              + round + ": " + lostA + " / " + lostB).isTrue();
          Throwable lost = lostA != null ? lostA : lostB;
          assertThat(lost).isInstanceOf(StaleTailException.class);
          long expected = size + (lostA == null ? 2 : 3);
          assertThat(second.size()).isEqualTo(expected);
          assertThat(first.latestCheckpoint().orElseThrow().size()).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static Throwable attempt(CountDownLatch go, PostgresLedgerStore store,
      AppendBatch batch) throws InterruptedException {
    go.await();
    try {
      store.append(batch);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static AppendBatch batch(CompactRange tree, long from, int count, String key) {
    List<EncodedLeaf> leaves = new ArrayList<>();
    List<StoredNode> nodes = new ArrayList<>();
    for (long seq = from; seq < from + count; seq++) {
      byte[] leaf = ("{\"" + key + "\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
      Digest hash = TreeHasher.leafHash(leaf);
      tree.append(hash).stream().filter(n -> n.id().level() > 0).forEach(nodes::add);
      leaves.add(new EncodedLeaf(seq, leaf, hash, List.of("subject:" + key)));
    }
    return new AppendBatch(leaves, nodes, new StoredCheckpoint(tree.size(), "note " + key));
  }

  @Test
  void truncateIsRefusedAndATruncatedTableIsNamedByVerify() {
    try (PostgresLedgerStore store = db.openLedgerStore();
        Sequencer sequencer = TestLedger.sequencer(store, TestLedger.signer(0))) {
      TestLedger.appendViews(sequencer, 8);
    }
    assertThatThrownBy(() -> db.asOwner("TRUNCATE leaves"))
        .hasMessageContaining("ledger is append-only: TRUNCATE on leaves refused");
    db.asOwner("DROP TRIGGER leaves_no_truncate ON leaves", "TRUNCATE leaves");
    try (PostgresLedgerStore store = db.openLedgerStore()) {
      assertThat(store.appendOnlyGuardFaults())
          .containsExactly(new GuardFault("leaves_no_truncate", GuardFault.Kind.MISSING));
      VerificationResult result =
          new LedgerVerifier(store, TestLedger.signer(0).verifierKey()).verify();
      assertThat(result.isIntact()).isFalse();
      assertThat(result.firstBadSeq()).hasValue(0);
    }
  }

  @Test
  void aDisabledTriggerAndAReplacedFunctionBodyAreAlteredGuardsAndRestoringMendsBoth() {
    try (PostgresLedgerStore store = db.openLedgerStore()) {
      db.asOwner("ALTER TABLE leaves DISABLE TRIGGER leaves_no_delete");
      assertThat(store.appendOnlyGuardFaults())
          .containsExactly(new GuardFault("leaves_no_delete", GuardFault.Kind.ALTERED));
      db.asOwner("CREATE OR REPLACE FUNCTION ledger_refuse() RETURNS trigger LANGUAGE plpgsql"
          + " AS $$ BEGIN RETURN COALESCE(NEW, OLD); END $$");
      assertThat(store.appendOnlyGuardFaults())
          .as("every guard calls the function").hasSize(21)
          .allMatch(f -> f.kind() == GuardFault.Kind.ALTERED);
      assertThat(store.restoreAppendOnlyGuards()).hasSize(21);
      assertThat(store.appendOnlyGuardFaults()).isEmpty();
      assertThatThrownBy(() -> db.asOwner("TRUNCATE checkpoints"))
          .hasMessageContaining("ledger is append-only");
    }
  }
}
