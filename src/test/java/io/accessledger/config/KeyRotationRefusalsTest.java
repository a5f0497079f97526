package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.AccessLedgerApplication;
import io.accessledger.crypto.bc.SigningKeyFile;
import io.accessledger.ledger.notes.CheckpointSigner;
import io.accessledger.ledger.notes.SignedCheckpoint;
import io.accessledger.ledger.notes.VerifierKey;
import io.accessledger.ledger.writer.LogSigning;
import io.accessledger.ledger.writer.Sequencer;
import io.accessledger.store.LedgerStore;
import io.accessledger.store.StoredCheckpoint;
import io.accessledger.support.CliRunner;
import io.accessledger.support.Configs;
import io.accessledger.support.SettableClock;
import io.accessledger.support.TestLedger;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the log's own rotations forbid, on real data directories: a start with a key the log never
 * announced, a retired key put back (as {@code signing.key}: refused; as a spare file: destroyed
 * again, never signing), and a rotation that no old key signed, which {@code verify} names.
 */
class KeyRotationRefusalsTest {
  @TempDir Path dir;

  private Path data;
  private Path config;
  private LedgerFactory factory;

  @BeforeEach
  void ledgerWithEntries() throws Exception {
    data = dir.resolve("data");
    config = CliRunner.writeConfig(dir, data);
    factory = Configs.yaml(Files.readString(config)
        .replace("  origin: ", "  keyTransition: 1h\n  origin: ")).getLedger();
    factory.prepareDataDir();
    try (LedgerStore store = factory.openStore(new MetricRegistry());
        Sequencer sequencer = Sequencer.start(store, factory.openSigning(store, Clock.systemUTC()),
            Clock.systemUTC(), factory.sequencerSettings(), factory.diskReserve())) {
      append(sequencer, "before", 3);
    }
  }

  @Test
  void aKeyTheLogNeverAnnouncedDoesNotStart() throws Exception {
    VerifierKey logKey = primaryKey();
    SigningKeyFile.destroy(factory.keyFile());
    SigningKeyFile.createNew(factory.keyFile(), factory.keyPassphrase());
    assertThat(primaryKey()).isNotEqualTo(logKey);

    assertThatThrownBy(this::startServer).hasStackTraceContaining(
        "does not verify the ledger's latest checkpoint (tree size 3)")
        .hasStackTraceContaining("Start with the key file this ledger was created with");
  }

  @Test
  void aRetiredKeyPutBackIsRefusedAsTheStartingKeyAndDestroyedAsASpare() throws Exception {
    byte[] oldKeyFile = Files.readAllBytes(factory.keyFile());
    SigningKeyRotation.Rotated rotated =
        SigningKeyRotation.rotate(factory, new MetricRegistry(), Clock.systemUTC());
    Path spare = DataDirSigningKeys.otherKeyFile(data, rotated.oldKey());
    assertThat(spare).as("kept for the transition").exists();
    endTransition(rotated);
    assertThat(spare).as("destroyed after the transition").doesNotExist();

    // The old key put back as the file the node starts with: the start refuses, naming why.
    Path newKeyFile = dir.resolve("new-signing.key");
    Files.move(factory.keyFile(), newKeyFile);
    writePrivately(factory.keyFile(), oldKeyFile);
    assertThatThrownBy(this::startServer)
        .hasStackTraceContaining("(" + rotated.oldKey() + ") was retired by the key rotation at"
            + " entry " + rotated.seq())
        .hasStackTraceContaining("a retired key never signs again");

    // Put back beside the new key: it is destroyed again and never signs.
    Files.move(factory.keyFile(), spare);
    Files.move(newKeyFile, factory.keyFile());
    Clock later = afterTransition(rotated);
    try (LedgerStore store = factory.openStore(new MetricRegistry());
        Sequencer sequencer = Sequencer.start(store, factory.openSigning(store, later),
            later, factory.sequencerSettings(), factory.diskReserve())) {
      assertThat(spare).doesNotExist();
      append(sequencer, "after-put-back", 1);
      String note = store.latestCheckpoint().orElseThrow().note();
      assertThat(SignedCheckpoint.keyIdsNamed(note, TestLedger.ORIGIN)).hasSize(1);
      SignedCheckpoint.open(note, rotated.newKey());
    }
  }

  @Test
  void verifyNamesARotationThatNoOldKeySigned() throws Exception {
    SigningKeyRotation.Rotated rotated =
        SigningKeyRotation.rotate(factory, new MetricRegistry(), Clock.systemUTC());
    try (LedgerStore store = factory.openStore(new MetricRegistry());
        Sequencer sequencer = Sequencer.start(store, factory.openSigning(store, Clock.systemUTC()),
            Clock.systemUTC(), factory.sequencerSettings(), factory.diskReserve())) {
      append(sequencer, "after-rotation", 2);
    }
    CliRunner.Outcome intact = CliRunner.run("verify", config.toString(), "--key",
        rotated.oldKey().toString());
    assertThat(intact.succeeded()).as(intact.stderr()).isTrue();

    // Whoever holds only the new key (and the file) re-signs every checkpoint from the rotation
    // on with it alone: a new key that the old key never vouched for.
    CheckpointSigner forger = new CheckpointSigner(TestLedger.ORIGIN,
        SigningKeyFile.load(factory.keyFile()), SigningKeyFile.load(factory.keyFile()).publicKey());
    assertThat(forger.verifierKey()).isEqualTo(rotated.newKey());
    Map<Long, String> resigned = new LinkedHashMap<>();
    try (LedgerStore store = factory.openStore(new MetricRegistry())) {
      for (StoredCheckpoint stored : store.checkpointsAfter(rotated.seq(), 100)) {
        resigned.put(stored.size(), forger.sign(SignedCheckpoint.open(stored.note(),
            rotated.newKey())));
      }
    }
    assertThat(resigned).isNotEmpty();
    Path db = data.resolve("ledger.db");
    TestLedger.tamper(db);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        PreparedStatement update =
            c.prepareStatement("UPDATE checkpoints SET note = ? WHERE tree_size = ?")) {
      for (Map.Entry<Long, String> entry : resigned.entrySet()) {
        update.setString(1, entry.getValue());
        update.setLong(2, entry.getKey());
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
    }

    CliRunner.Outcome forged = CliRunner.run("verify", config.toString(), "--key",
        rotated.oldKey().toString());
    assertThat(forged.succeeded()).isFalse();
    assertThat(forged.stderr() + forged.stdout())
        .contains("LEDGER BROKEN: first bad seq " + rotated.seq())
        .contains("rotation at entry " + rotated.seq())
        .contains("is not validly signed by the old key " + rotated.oldKey())
        .contains("(a rotation the old key did not make)");
  }

  private static void append(Sequencer sequencer, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      sequencer.append(TestLedger.prepared(prefix + "-" + i, "child-" + i, "worker-1")).join();
    }
  }

  private static Clock afterTransition(SigningKeyRotation.Rotated rotated) {
    return new SettableClock(rotated.transitionEnds().plus(Duration.ofSeconds(1)));
  }

  private void endTransition(SigningKeyRotation.Rotated rotated) {
    Clock later = afterTransition(rotated);
    try (LedgerStore store = factory.openStore(new MetricRegistry())) {
      LogSigning signing = factory.openSigning(store, later);
      assertThat(signing.current().verifierKey()).isEqualTo(rotated.newKey());
    }
  }

  private VerifierKey primaryKey() {
    return factory.signingKeys().primary().orElseThrow().verifierKey();
  }

  private static void writePrivately(Path file, byte[] bytes) throws Exception {
    Files.write(file, bytes);
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions
        .fromString("rw-------"));
  }

  private void startServer() throws Exception {
    DropwizardTestSupport<AccessLedgerConfiguration> app = new DropwizardTestSupport<>(
        AccessLedgerApplication.class, config.toString(),
        ConfigOverride.config("ledger.keyTransition", "1h"));
    try {
      app.before();
    } finally {
      app.after();
    }
  }
}
