package io.accessledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.accessledger.AccessLedgerApplication;
import io.accessledger.config.AccessLedgerConfiguration;
import io.accessledger.config.KeySealingSettings;
import io.accessledger.config.LedgerFactory;
import io.accessledger.config.LedgerRuntime;
import io.accessledger.crypto.bc.KeyFileException;
import io.accessledger.crypto.bc.KeyPassphrase;
import io.accessledger.store.LedgerStore;
import io.accessledger.support.CliRunner;
import io.accessledger.support.TestLedger;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.util.DataSize;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code seal-key} and the start on a sealed key, run as the jar runs them: real files, the real
 * command, the real server from config.yml. New files are sealed at a low Argon2id cost
 * ({@code ledger.keySealing}) to keep the build fast; a sealed file records its cost.
 */
class SealKeyCommandTest {
  private static final String PASSPHRASE = "a long passphrase from the credential store";

  @TempDir Path dir;
  private Path data;
  private Path keyFile;
  private Path passphraseFile;
  private Path sealingConfig;
  private Path plainConfig;
  private String verifierKey;
  private String seed;

  @BeforeEach
  void aLedgerSignedWithAPlainKey() throws Exception {
    data = dir.resolve("data");
    keyFile = data.resolve("signing.key");
    passphraseFile = dir.resolve("ledger-key-passphrase");
    Files.writeString(passphraseFile, PASSPHRASE + "\n");
    Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("r--------"));
    plainConfig = CliRunner.writeConfig(Files.createDirectories(dir.resolve("plain")), data);
    sealingConfig = dir.resolve("config.yml");
    Files.writeString(sealingConfig, Files.readString(plainConfig).replace("ledger:\n",
        "ledger:\n  keyPassphraseFile: " + passphraseFile + "\n"
            + "  keySealing: {memory: 64KiB, passes: 1, lanes: 1}\n"));
    try (LedgerRuntime ledger = LedgerRuntime.open(factory(false), new MetricRegistry(),
        Clock.systemUTC())) {
      TestLedger.appendViews(ledger.sequencer(), 5);
      verifierKey = ledger.signing().current().verifierKey().toString();
    }
    seed = Files.readString(keyFile).strip().substring("ed25519-seed:".length());
  }

  private LedgerFactory factory(boolean withPassphrase) {
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(data.toString());
    factory.setOrigin(TestLedger.ORIGIN);
    factory.setKeyPassphraseFile(withPassphrase ? passphraseFile.toString() : "");
    KeySealingSettings fast = new KeySealingSettings();
    fast.setMemory(DataSize.kibibytes(64));
    fast.setPasses(1);
    factory.setKeySealing(fast);
    return factory;
  }

  private CliRunner.Outcome sealKey(Path config) throws Exception {
    return CliRunner.run("seal-key", config.toString());
  }

  private long ledgerSize() {
    try (LedgerStore store = factory(false).openStoreReadOnly()) {
      return store.size();
    }
  }

  private List<String> dataFiles() throws Exception {
    try (Stream<Path> files = Files.list(data)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private DropwizardTestSupport<AccessLedgerConfiguration> server(String passphraseSetting) {
    return new DropwizardTestSupport<>(AccessLedgerApplication.class, "config.yml",
        ConfigOverride.config("server.applicationConnectors[0].port", "0"),
        ConfigOverride.config("server.adminConnectors[0].port", "0"),
        ConfigOverride.config("ledger.dataDir", data.toString()),
        ConfigOverride.config("ledger.origin", TestLedger.ORIGIN),
        ConfigOverride.config("ledger.keyPassphraseFile", passphraseSetting),
        ConfigOverride.config("logging.level", "WARN"));
  }

  @Test
  void sealThenStartTheServerOnTheSameKey() throws Exception {
    CliRunner.Outcome sealed = sealKey(sealingConfig);

    assertThat(sealed.succeeded()).as(sealed.stderr()).isTrue();
    assertThat(sealed.stdout()).contains("sealed the signing key " + keyFile.toAbsolutePath())
        .contains(verifierKey).doesNotContain(seed).doesNotContain(PASSPHRASE);
    String content = Files.readString(keyFile, StandardCharsets.ISO_8859_1);
    assertThat(content).startsWith("access-ledger-sealed-key: v1\n").doesNotContain(seed);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    assertThat(dataFiles()).noneMatch(name -> name.startsWith(".signing.key"));

    DropwizardTestSupport<AccessLedgerConfiguration> server = server(passphraseFile.toString());
    server.before();
    try {
      String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
              "http://localhost:" + server.getAdminPort() + "/healthcheck")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(health).contains("key " + verifierKey + " signed the latest checkpoint");
    } finally {
      server.after();
    }
    // Checkpoints the sealed key signs verify with the verifier key published before sealing.
    try (LedgerRuntime ledger = LedgerRuntime.open(factory(true), new MetricRegistry(),
        Clock.systemUTC())) {
      for (int i = 0; i < 3; i++) {
        ledger.sequencer().append(TestLedger.prepared("after-sealing-" + i, "child-1", "worker-1"))
            .join();
      }
    }
    CliRunner.Outcome verified = CliRunner.run("verify", plainConfig.toString(),
        "--key", verifierKey);
    assertThat(verified.succeeded()).as(verified.stderr()).isTrue();
    assertThat(verified.stdout()).contains("ledger intact: 8 entries");
  }

  @Test
  void aWrongPassphraseIsRefusedAndNothingIsWritten() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();
    byte[] sealed = Files.readAllBytes(keyFile);
    byte[] ledger = Files.readAllBytes(data.resolve("ledger.db"));
    List<String> files = dataFiles();
    Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(passphraseFile, "not the passphrase\n");

    assertThatThrownBy(() -> LedgerRuntime.open(factory(true), new MetricRegistry(),
        Clock.systemUTC()))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith("the passphrase does not open " + keyFile.toAbsolutePath())
        .hasMessageNotContaining("not the passphrase");
    DropwizardTestSupport<AccessLedgerConfiguration> server = server(passphraseFile.toString());
    assertThatThrownBy(server::before)
        .hasStackTraceContaining("the passphrase does not open " + keyFile.toAbsolutePath());
    server.after();

    assertThat(Files.readAllBytes(keyFile)).isEqualTo(sealed);
    assertThat(dataFiles()).isEqualTo(files); // the ledger was not even opened
    assertThat(Files.readAllBytes(data.resolve("ledger.db"))).isEqualTo(ledger);
    assertThat(ledgerSize()).isEqualTo(5);
  }

  @Test
  void aSealedKeyWithoutThePassphraseIsRefusedNamingTheVariable() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();
    byte[] sealed = Files.readAllBytes(keyFile);

    assertThatThrownBy(() -> LedgerRuntime.open(factory(false), new MetricRegistry(),
        Clock.systemUTC()))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining(keyFile + " is sealed")
        .hasMessageContaining(KeyPassphrase.VARIABLE);
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(sealed);
    assertThat(ledgerSize()).isEqualTo(5);
  }

  /** Only what signs needs the passphrase: adding an API client does not open the key. */
  @Test
  void addClientNeedsNoPassphraseOnASealedLedger() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();
    byte[] sealed = Files.readAllBytes(keyFile);

    CliRunner.Outcome outcome = CliRunner.run("add-client", plainConfig.toString(),
        "--name", "dpo", "--role", "auditor");

    assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(sealed);
  }

  @Test
  void aTamperedSealedFileIsRefused() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();
    byte[] sealed = Files.readAllBytes(keyFile);
    String text = new String(sealed, StandardCharsets.US_ASCII);
    int inTheSalt = text.indexOf("salt: ") + 10;
    int inTheCiphertext = text.indexOf("ciphertext: ") + 20;
    for (int at : new int[] {inTheSalt, inTheCiphertext}) {
      byte[] tampered = sealed.clone();
      tampered[at] = (byte) (tampered[at] == 'x' ? 'y' : 'x');
      Files.write(keyFile, tampered);

      assertThatThrownBy(() -> LedgerRuntime.open(factory(true), new MetricRegistry(),
          Clock.systemUTC()))
          .as("byte %d changed", at)
          .hasMessageStartingWith("the passphrase does not open " + keyFile.toAbsolutePath());
      assertThat(Files.readAllBytes(keyFile)).isEqualTo(tampered);
    }
    assertThat(ledgerSize()).isEqualTo(5);
  }

  /** rotate-key on a sealed ledger writes the new key sealed, with the same passphrase. */
  @Test
  void rotateKeyWritesTheNewKeySealed() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();

    CliRunner.Outcome rotated = CliRunner.run("rotate-key", sealingConfig.toString());

    assertThat(rotated.succeeded()).as(rotated.stderr()).isTrue();
    assertThat(rotated.stdout()).contains("old key: " + verifierKey).contains("new key: ")
        .doesNotContain(PASSPHRASE);
    String newKey = rotated.stdout().lines().filter(line -> line.startsWith("new key: "))
        .findFirst().orElseThrow().substring("new key: ".length());
    assertThat(newKey).isNotEqualTo(verifierKey);
    // signing.key is now the new key, the old one kept for the transition: both sealed.
    List<String> keyFiles = dataFiles().stream().filter(name -> name.startsWith("signing"))
        .toList();
    assertThat(keyFiles).hasSize(2).contains("signing.key");
    for (String name : keyFiles) {
      assertThat(Files.readString(data.resolve(name), StandardCharsets.ISO_8859_1))
          .as(name).startsWith("access-ledger-sealed-key: v1\n").doesNotContain(seed);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name))))
          .as(name).isEqualTo("rw-------");
    }
    try (LedgerRuntime ledger = LedgerRuntime.open(factory(true), new MetricRegistry(),
        Clock.systemUTC())) {
      assertThat(ledger.signing().current().verifierKey().toString()).isEqualTo(newKey);
    }
    // The old key alone still verifies the whole log: the rotation entry leads to the new key.
    CliRunner.Outcome verified = CliRunner.run("verify", plainConfig.toString(),
        "--key", verifierKey);
    assertThat(verified.succeeded()).as(verified.stderr()).isTrue();
    assertThat(verified.stdout()).contains("ledger intact: 6 entries");
  }

  @Test
  void rotateKeyWithAWrongPassphraseIsRefusedAndWritesNothing() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();
    List<String> files = dataFiles();
    byte[] sealed = Files.readAllBytes(keyFile);
    Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(passphraseFile, "not the passphrase\n");

    CliRunner.Outcome rotated = CliRunner.run("rotate-key", sealingConfig.toString());

    assertThat(rotated.exitCode()).isEqualTo(1);
    assertThat(rotated.stderr()).contains("the passphrase does not open")
        .doesNotContain("not the passphrase\n");
    assertThat(dataFiles()).isEqualTo(files);
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(sealed);
    assertThat(ledgerSize()).isEqualTo(5);
  }

  @Test
  void sealKeyRefusesASealedKey() throws Exception {
    assertThat(sealKey(sealingConfig).succeeded()).isTrue();
    byte[] sealed = Files.readAllBytes(keyFile);

    CliRunner.Outcome again = sealKey(sealingConfig);

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("is already sealed; nothing was changed");
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(sealed);
  }

  @Test
  void sealKeyRefusesWithoutAPassphraseAndChangesNothing() throws Exception {
    byte[] plain = Files.readAllBytes(keyFile);

    CliRunner.Outcome outcome = sealKey(plainConfig);

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderr()).contains(KeyPassphrase.VARIABLE).contains("nothing was changed");
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(plain);
  }

  @Test
  void sealKeyRefusesWhileAServerHoldsTheDataDirectory() throws Exception {
    byte[] plain = Files.readAllBytes(keyFile);
    CliRunner.Outcome outcome;
    try (LedgerRuntime running = LedgerRuntime.open(factory(false), new MetricRegistry(),
        Clock.systemUTC())) {
      outcome = sealKey(sealingConfig);
    }

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderr()).contains("another process is writing the ledger")
        .contains("nothing was changed");
    assertThat(Files.readAllBytes(keyFile)).isEqualTo(plain);
  }

  @Test
  void thePassphraseFileMayBeGivenOnTheCommandLine() throws Exception {
    CliRunner.Outcome outcome = CliRunner.run("seal-key", plainConfig.toString(),
        "--passphrase-file", passphraseFile.toString());

    assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    assertThat(Files.readString(keyFile)).startsWith("access-ledger-sealed-key: v1\n");
  }

  @Test
  void aFirstStartWithAPassphraseCreatesASealedKey() throws Exception {
    data = dir.resolve("fresh");
    keyFile = data.resolve("signing.key");

    String created;
    try (LedgerRuntime ledger = LedgerRuntime.open(factory(true), new MetricRegistry(),
        Clock.systemUTC())) {
      created = ledger.signing().current().verifierKey().toString();
    }

    assertThat(Files.readString(keyFile)).startsWith("access-ledger-sealed-key: v1\n")
        .contains("kdf: argon2id v=19 m=64 t=1 p=1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    try (LedgerRuntime again = LedgerRuntime.open(factory(true), new MetricRegistry(),
        Clock.systemUTC())) {
      assertThat(again.signing().current().verifierKey().toString()).isEqualTo(created);
    }
  }
}
