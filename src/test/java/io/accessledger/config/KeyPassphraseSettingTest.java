package io.accessledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.KeyPassphrase;
import io.accessledger.crypto.bc.SealingParameters;
import io.accessledger.support.Configs;
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
  void theShippedConfigReadsTheVariable() throws Exception {
    Path file = passphraseFile();

    assertThat(Configs.shipped(Map.of()).getLedger().keyPassphrase().isSet()).isFalse();
    assertThat(Configs.shipped(Map.of(KeyPassphrase.VARIABLE, file.toString())).getLedger()
        .keyPassphrase().file()).contains(file.toAbsolutePath());
  }

  @Test
  void theSealingCostIsReadAndCheckedFromTheSection() throws Exception {
    assertThat(Configs.yaml("ledger:\n  keySealing: {memory: 1MiB, passes: 2, lanes: 2}\n")
        .getLedger().getKeySealing().parameters()).isEqualTo(new SealingParameters(1024, 2, 2));
    assertThatThrownBy(() -> Configs.yaml("ledger:\n  keySealing: {passes: 0}\n"))
        .hasMessageContaining("ledger.keySealing.passes must be greater than or equal to 1");
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
