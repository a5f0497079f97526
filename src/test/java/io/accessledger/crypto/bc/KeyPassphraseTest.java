package io.accessledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPassphraseTest {
  @TempDir Path dir;

  private Path passphraseFile(String content, String mode) throws Exception {
    Path file = dir.resolve("passphrase");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void anUnsetOrBlankSettingIsNoPassphrase() {
    assertThat(KeyPassphrase.fromSetting(null).isSet()).isFalse();
    assertThat(KeyPassphrase.fromSetting("  ").isSet()).isFalse();
    assertThat(KeyPassphrase.fromSetting("")).isEqualTo(KeyPassphrase.none());
  }

  @Test
  void oneTrailingLineEndingIsNotPartOfThePassphrase() throws Exception {
    assertThat(KeyPassphrase.fromFile(passphraseFile("s3cret\n", "rw-------")).read())
        .isEqualTo("s3cret".getBytes(StandardCharsets.US_ASCII));
    assertThat(KeyPassphrase.fromFile(passphraseFile("s3cret\r\n", "r--------")).read())
        .isEqualTo("s3cret".getBytes(StandardCharsets.US_ASCII));
    assertThat(KeyPassphrase.fromFile(passphraseFile(" two words \n\n", "rw-------")).read())
        .isEqualTo(" two words \n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void aFileOthersMayReadIsRefusedNamingTheVariableAndNotThePassphrase() throws Exception {
    for (String mode : new String[] {"rw-r-----", "rw----r--"}) {
      Path file = passphraseFile("s3cret\n", mode);
      assertThatThrownBy(() -> KeyPassphrase.fromSetting(file.toString()))
          .isInstanceOf(KeyFileException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining(KeyPassphrase.VARIABLE)
          .hasMessageContaining("chmod 600")
          .hasMessageNotContaining("s3cret");
    }
  }

  @Test
  void anEmptyOrMissingFileIsRefusedWhenTheSettingIsRead() throws Exception {
    for (String content : new String[] {"", "\n", "\r\n"}) {
      Path file = passphraseFile(content, "rw-------");
      assertThatThrownBy(() -> KeyPassphrase.fromSetting(file.toString()))
          .isInstanceOf(KeyFileException.class).hasMessageContaining("is empty");
    }
    assertThatThrownBy(() -> KeyPassphrase.fromSetting(dir.resolve("absent").toString()))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("cannot read the key passphrase file")
        .hasMessageContaining(KeyPassphrase.VARIABLE);
  }

  @Test
  void itNamesItsFileOnly() throws Exception {
    Path file = passphraseFile("s3cret", "rw-------");
    KeyPassphrase passphrase = KeyPassphrase.fromSetting(file.toString());

    assertThat(passphrase.isSet()).isTrue();
    assertThat(passphrase.file()).contains(file.toAbsolutePath());
    assertThat(passphrase.toString()).contains(file.toString()).doesNotContain("s3cret");
    assertThat(passphrase.sealing()).isEqualTo(SealingParameters.DEFAULT);
  }
}
