package io.accessledger.services.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.auth.ApiClient;
import io.accessledger.auth.ClientStore;
import io.accessledger.auth.Role;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.config.SigningKeyCopy;
import io.accessledger.ledger.leaf.PreparedEvent;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.verify.LedgerVerifier;
import io.accessledger.ledger.verify.VerificationResult;
import io.accessledger.store.CosignerId;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCosignature;
import io.accessledger.support.ExtractReleases;
import io.accessledger.support.TestLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of a real SQLite ledger (single appends, group commits, an extract release, ledger
 * entries without an event id) and its clients into an empty store of each backend; see the
 * subclasses for the targets. Then both verify with the same key and root, hold the same rows and
 * give the same proofs, and the copy takes new appends under the same key.
 */
abstract class LedgerMigrationTest {
  @TempDir Path dir;
  protected LedgerFactory source;
  protected VerifierKey key;
  private String kept;
  private String revoked;

  /** A fresh, empty target whose data directory is {@code dataDir}. */
  protected abstract LedgerFactory newTarget(Path dataDir);

  @BeforeEach
  void buildSource() {
    source = factory(dir.resolve("source"));
    try (LedgerRuntime ledger = LedgerRuntime.open(source, new MetricRegistry(), Clock.systemUTC())) {
      TestLedger.appendViews(ledger.sequencer(), 20);
      for (int g = 0; g < 5; g++) {
        List<PreparedEvent> group = new ArrayList<>();
        for (int i = 0; i < 1 + g * 3; i++) {
          group.add(TestLedger.prepared("g-" + g + "-" + i, "child-" + i, "worker-" + g));
        }
        ledger.sequencer().appendGroup(group).join();
      }
      ledger.sequencer().appendGroup(
          ExtractReleases.entries(ExtractReleases.release("rel-1"), 3)).join();
      // As the ledger's own entries are: no event id recorded.
      ledger.sequencer().append(PreparedEvent.of(TestLedger.view("audit-1", "child-1", "dpo"),
          "ledger")).join();
      key = ledger.signing().current().verifierKey();
    }
    try (ClientStore clients = source.openClients(new MetricRegistry())) {
      kept = clients.add("dpo", Role.AUDITOR, null);
      revoked = clients.add("feed", Role.INGEST, "carefirst");
      clients.revoke("feed");
    }
  }

  protected static LedgerFactory factory(Path dataDir) {
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(dataDir.toString());
    factory.setOrigin(TestLedger.ORIGIN);
    return factory;
  }

  private <T> T withStores(LedgerFactory target, Function<LedgerMigrationFixture, T> run) {
    MetricRegistry metrics = new MetricRegistry();
    try (LedgerStore from = source.openStoreReadOnly();
        ClientStore fromClients = source.openClients(metrics);
        LedgerStore to = target.openStore(metrics);
        ClientStore toClients = target.openClients(metrics)) {
      return run.apply(new LedgerMigrationFixture(from, fromClients, to, toClients));
    }
  }

  private record LedgerMigrationFixture(LedgerStore from, ClientStore fromClients, LedgerStore to,
      ClientStore toClients) {
    MigrationResult migrate(VerifierKey key) {
      return LedgerMigration.prepare(from, fromClients, to, toClients, key).execute((e, c) -> {});
    }
  }

  @Test
  void cosignaturesAreCopiedWithTheirCheckpoints() {
    StoredCosignature cosignature;
    try (LedgerStore store = source.openStore(new MetricRegistry())) {
      long size = store.latestCheckpoint().orElseThrow().size();
      cosignature = new StoredCosignature(size, new CosignerId("w.example/one", "0a0b0c0d"),
          "\u2014 w.example/one AAAA");
      store.addCosignature(cosignature);
    }
    withStores(newTarget(dir.resolve("target")), stores -> {
      stores.migrate(key);
      assertThat(stores.to().cosignatures(cosignature.treeSize())).containsExactly(cosignature);
      return null;
    });
  }

  @Test
  void theCopyHoldsTheSameLedgerAndClientsAndVerifiesWithTheSameRoot() {
    LedgerFactory target = newTarget(dir.resolve("target"));
    MigrationResult result = withStores(target, stores -> {
      MigrationResult copied = stores.migrate(key);
      SameLedger.assertSame(stores.to(), stores.from());
      VerificationResult original = new LedgerVerifier(stores.from(), key).verify();
      VerificationResult copy = new LedgerVerifier(stores.to(), key).verify();
      assertThat(copy.isIntact()).as(copy.problem()).isTrue();
      assertThat(copy.entries()).isEqualTo(original.entries()).isEqualTo(copied.entries());
      assertThat(copy.checkpoints()).isEqualTo(original.checkpoints())
          .isEqualTo(copied.checkpoints());
      assertThat(stores.to().latestCheckpoint().get().root())
          .isEqualTo(stores.from().latestCheckpoint().get().root());
      assertThat(stores.toClients().list()).isEqualTo(stores.fromClients().list());
      assertThat(stores.toClients().authenticate(kept))
          .contains(new ApiClient("dpo", Role.AUDITOR, null));
      assertThat(stores.toClients().authenticate(revoked)).isEmpty();
      return copied;
    });
    assertThat(result.entries()).isEqualTo(20 + 1 + 4 + 7 + 10 + 13 + 4 + 1);
    assertThat(result.checkpoints()).isEqualTo(1 + 20 + 5 + 1 + 1);
    assertThat(result.clients()).isEqualTo(2);

    // The copy's own node takes over with the same key, and goes on appending.
    assertThat(SigningKeyCopy.check(source, target).install()).isTrue();
    try (LedgerRuntime ledger = LedgerRuntime.open(target, new MetricRegistry(), Clock.systemUTC())) {
      assertThat(ledger.signing().current().verifierKey()).isEqualTo(key);
      ledger.sequencer().append(TestLedger.prepared("after", "child-1", "worker-9")).join();
      VerificationResult after = new LedgerVerifier(ledger.store(), key).verify();
      assertThat(after.isIntact()).as(after.problem()).isTrue();
      assertThat(after.entries()).isEqualTo(result.entries() + 1);
    }
  }

  @Test
  void aTargetThatHoldsAnythingIsRefusedAndNothingIsWritten() {
    LedgerFactory target = newTarget(dir.resolve("target"));
    try (ClientStore clients = target.openClients(new MetricRegistry())) {
      clients.add("someone", Role.ADMIN, null);
    }
    withStores(target, stores -> {
      assertThatThrownBy(() -> stores.migrate(key)).isInstanceOf(MigrationRefused.class)
          .hasMessageContaining("the target is not empty").hasMessageContaining("1 API clients")
          .hasMessageContaining("nothing was written");
      assertThat(stores.to().size()).isZero();
      assertThat(stores.to().latestCheckpoint()).isEmpty();
      assertThat(stores.toClients().list()).hasSize(1);
      return null;
    });
  }

  @Test
  void aTargetWithEntriesIsRefused() {
    LedgerFactory target = newTarget(dir.resolve("target"));
    try (LedgerRuntime ledger = LedgerRuntime.open(target, new MetricRegistry(), Clock.systemUTC())) {
      TestLedger.appendViews(ledger.sequencer(), 2);
    }
    withStores(target, stores -> {
      assertThatThrownBy(() -> stores.migrate(key)).isInstanceOf(MigrationRefused.class)
          .hasMessageContaining("it holds 2 entries, checkpoints up to size 2");
      assertThat(stores.to().size()).isEqualTo(2);
      assertThat(stores.toClients().list()).isEmpty();
      return null;
    });
  }

  @Test
  void aSourceThatDoesNotVerifyIsRefusedNamingTheFirstBadSeq() throws Exception {
    TestLedger.tamper(source.databaseFile(),
        "UPDATE leaves SET leaf = CAST(replace(CAST(leaf AS TEXT), 'worker-1', 'worker-7')"
            + " AS BLOB) WHERE seq = 13");
    LedgerFactory target = newTarget(dir.resolve("target"));
    withStores(target, stores -> {
      assertThatThrownBy(() -> stores.migrate(key)).isInstanceOf(MigrationRefused.class)
          .hasMessageContaining("the source ledger does not verify")
          .hasMessageContaining("first bad seq 13");
      assertThat(stores.to().size()).isZero();
      assertThat(stores.to().latestCheckpoint()).isEmpty();
      assertThat(stores.toClients().list()).isEmpty();
      return null;
    });
  }

  @Test
  void aSourceCheckedWithAnotherKeyIsRefused() {
    LedgerFactory target = newTarget(dir.resolve("target"));
    withStores(target, stores -> {
      assertThatThrownBy(() -> stores.migrate(TestLedger.signer(7).verifierKey()))
          .isInstanceOf(MigrationRefused.class).hasMessageContaining("first bad seq 0");
      assertThat(stores.to().latestCheckpoint()).isEmpty();
      return null;
    });
  }
}
