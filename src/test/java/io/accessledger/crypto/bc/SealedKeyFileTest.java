package io.accessledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** SigningKeyFile with a passphrase: sealed creation, loading, sealing in place, destruction. */
class SealedKeyFileTest {
  @TempDir Path dir;
  private Path file;
  private KeyPassphrase passphrase;

  @BeforeEach
  void passphrase() throws Exception {
    file = dir.resolve("signing.key");
    passphrase = passphraseIn("secrets/passphrase", "correct horse battery staple\n");
  }

  private KeyPassphrase passphraseIn(String name, String content) throws Exception {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    return KeyPassphrase.fromFile(path, SealedKeyTest.FAST);
  }

  private void assertOnlyTheKeyFileIsLeft() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrder(file, dir.resolve("secrets"));
    }
  }

  @Test
  void withAPassphraseANewKeyFileIsSealedAndPrivate() throws Exception {
    Ed25519Signer created = SigningKeyFile.loadOrCreate(file, passphrase);

    assertThat(Files.readString(file)).startsWith("access-ledger-sealed-key: v1\n");
    assertThat(SigningKeyFile.isSealed(file)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SigningKeyFile.load(file, passphrase).publicKey()).isEqualTo(created.publicKey());
    assertThat(SigningKeyFile.loadOrCreate(file, passphrase).publicKey())
        .isEqualTo(created.publicKey());
    assertOnlyTheKeyFileIsLeft();
  }

  @Test
  void aSealedFileWithoutAPassphraseIsRefusedNamingTheVariable() {
    SigningKeyFile.createNew(file, passphrase);

    assertThatThrownBy(() -> SigningKeyFile.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("is sealed, and no passphrase is given")
        .hasMessageContaining(KeyPassphrase.VARIABLE);
    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
        .hasMessageContaining(KeyPassphrase.VARIABLE);
  }

  @Test
  void aWrongPassphraseIsRefusedAndTheFileIsUnchanged() throws Exception {
    SigningKeyFile.createNew(file, passphrase);
    byte[] before = Files.readAllBytes(file);
    KeyPassphrase wrong = passphraseIn("secrets/other", "incorrect horse\n");

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file, wrong))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith("the passphrase does not open " + file.toAbsolutePath())
        .hasMessageNotContaining("horse");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertOnlyTheKeyFileIsLeft();
  }

  @Test
  void aPlainFileStillLoadsWithAPassphraseSetAndAWarningSaysItIsNotSealed() throws Exception {
    Ed25519Signer plain = SigningKeyFile.createNew(file, KeyPassphrase.none());
    String seed = Files.readString(file).strip().substring("ed25519-seed:".length());
    Logger logger = (Logger) LoggerFactory.getLogger(SigningKeyFile.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      assertThat(SigningKeyFile.load(file, passphrase).publicKey()).isEqualTo(plain.publicKey());
      SigningKeyFile.load(file); // no passphrase: nothing to warn about
    } finally {
      logger.detachAppender(logged);
    }

    assertThat(SigningKeyFile.isSealed(file)).isFalse();
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).contains(file + " is not sealed")
          .contains(KeyPassphrase.VARIABLE).contains("seal-key").doesNotContain(seed);
    });
  }

  @Test
  void createNewRefusesAnExistingFileAndChangesNothing() throws Exception {
    SigningKeyFile.createNew(file, KeyPassphrase.none());
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> SigningKeyFile.createNew(file, passphrase))
        .isInstanceOf(KeyFileException.class).hasMessageContaining("already exists");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void sealingInPlaceKeepsTheKeyAndLeavesNoPlainCopy() throws Exception {
    Ed25519Signer plain = SigningKeyFile.createNew(file, KeyPassphrase.none());
    String seedLine = Files.readString(file).strip();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

    Ed25519Signer sealed = SigningKeyFile.seal(file, passphrase);

    assertThat(sealed.publicKey()).isEqualTo(plain.publicKey());
    assertThat(SigningKeyFile.isSealed(file)).isTrue();
    assertThat(Files.readString(file)).doesNotContain(seedLine.substring("ed25519-seed:".length()));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(SigningKeyFile.load(file, passphrase).publicKey()).isEqualTo(plain.publicKey());
    assertOnlyTheKeyFileIsLeft();
  }

  @Test
  void sealingTwiceOrWithoutAPassphraseIsRefusedAndChangesNothing() throws Exception {
    SigningKeyFile.createNew(file, passphrase);
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> SigningKeyFile.seal(file, passphrase))
        .hasMessageContaining("is already sealed");
    assertThatThrownBy(() -> SigningKeyFile.seal(file, KeyPassphrase.none()))
        .hasMessageContaining("no passphrase");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  /** A second name on the file shows what destroy did to its bytes before removing it. */
  @Test
  void destroyOverwritesTheBytesThenRemovesTheFile() throws Exception {
    SigningKeyFile.createNew(file, KeyPassphrase.none());
    byte[] before = Files.readAllBytes(file);
    Path witness = dir.resolve("second-name");
    Files.createLink(witness, file);

    SigningKeyFile.destroy(file);

    assertThat(file).doesNotExist();
    byte[] after = Files.readAllBytes(witness);
    assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
    assertThat(new String(after, StandardCharsets.ISO_8859_1)).doesNotContain("ed25519-seed:");
    SigningKeyFile.destroy(file); // already gone: nothing to do
  }

  @Test
  void destroyRefusesASymbolicLinkAndLeavesItsTarget() throws Exception {
    SigningKeyFile.createNew(file, KeyPassphrase.none());
    byte[] before = Files.readAllBytes(file);
    Path link = Files.createSymbolicLink(dir.resolve("link.key"), file);

    assertThatThrownBy(() -> SigningKeyFile.destroy(link))
        .isInstanceOf(KeyFileException.class).hasMessageContaining("not a regular file");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void theSealedFileHoldsNoSeed() throws Exception {
    SigningKeyFile.createNew(file, KeyPassphrase.none());
    String seed = Files.readString(file).strip().substring("ed25519-seed:".length());
    byte[] raw = Base64.getDecoder().decode(seed);
    SigningKeyFile.seal(file, passphrase);

    String sealed = Files.readString(file, StandardCharsets.ISO_8859_1);
    assertThat(sealed).doesNotContain(seed)
        .doesNotContain(new String(raw, StandardCharsets.ISO_8859_1));
  }
}
