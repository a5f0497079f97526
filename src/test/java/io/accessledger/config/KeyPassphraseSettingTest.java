package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.KeyPassphrase;
import io.accessledger.crypto.bc.SealingParameters;
import io.dropwizard.util.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where LedgerFactory finds the key passphrase: the setting, else the variable itself. */
class KeyPassphraseSettingTest {
  @TempDir Path dir;

  private Path passphraseFile() throws Exception {
    Path file = dir.resolve("passphrase");
    Files.writeString(file, "s3cret\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @Test
  void aConfigWithoutTheSettingReadsTheVariable() throws Exception {
    Path file = passphraseFile();
    LedgerFactory factory = new LedgerFactory();
    factory.setEnvironment(Map.of(KeyPassphrase.VARIABLE, file.toString())::get);

    assertThat(factory.keyPassphrase().file()).contains(file.toAbsolutePath());
    assertThat(factory.keyPassphrase().sealing()).isEqualTo(SealingParameters.DEFAULT);
  }

  @Test
  void theSettingWinsAndEmptyMeansNone() throws Exception {
    LedgerFactory factory = new LedgerFactory();
    factory.setEnvironment(Map.of(KeyPassphrase.VARIABLE, passphraseFile().toString())::get);
    factory.setKeyPassphraseFile(""); // config.yml's ${LEDGER_KEY_PASSPHRASE_FILE:-}, unset

    assertThat(factory.keyPassphrase().isSet()).isFalse();
    assertThat(new LedgerFactory().keyPassphrase().isSet()).isFalse();
  }

  @Test
  void keySealingSetsTheCostOfNewFiles() throws Exception {
    LedgerFactory factory = new LedgerFactory();
    factory.setKeyPassphraseFile(passphraseFile().toString());
    KeySealingSettings sealing = new KeySealingSettings();
    sealing.setMemory(DataSize.mebibytes(128));
    sealing.setPasses(4);
    factory.setKeySealing(sealing);

    assertThat(factory.keyPassphrase().sealing()).isEqualTo(new SealingParameters(131072, 4, 1));
  }

  @Test
  void aPassphraseFileOthersMayReadStopsTheStart() throws Exception {
    Path file = passphraseFile();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    LedgerFactory factory = new LedgerFactory();
    factory.setDataDir(dir.resolve("data").toString());
    factory.setKeyPassphraseFile(file.toString());

    assertThatThrownBy(() -> factory.openSigner(false))
        .hasMessageContaining(file.toString()).hasMessageContaining("chmod 600");
    assertThat(dir.resolve("data").resolve("signing.key")).doesNotExist();
  }
}
