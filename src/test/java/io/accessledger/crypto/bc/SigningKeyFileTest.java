package io.accessledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {
  @TempDir Path dir;

  @Test
  void createsTheKeyWithOwnerOnlyPermissions() throws IOException {
    Path file = dir.resolve("signing.key");

    SigningKeyFile.loadOrCreate(file);

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String content = Files.readString(file, StandardCharsets.US_ASCII);
    assertThat(content).matches("ed25519-seed:[A-Za-z0-9+/]{43}=\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void loadsTheSameKeyAgainAndNeverOverwrites() throws IOException {
    Path file = dir.resolve("signing.key");
    Ed25519Signer first = SigningKeyFile.loadOrCreate(file);
    byte[] content = Files.readAllBytes(file);

    Ed25519Signer second = SigningKeyFile.loadOrCreate(file);

    assertThat(second.publicKey()).isEqualTo(first.publicKey());
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void loadsAKeyWrittenInTheDocumentedFormat() throws IOException {
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) i;
    }
    Path file = writeKey("ed25519-seed:" + Base64.getEncoder().encodeToString(seed) + "\n",
        "rw-------");

    assertThat(SigningKeyFile.loadOrCreate(file).publicKey())
        .isEqualTo(new Ed25519Signer(seed).publicKey());
    assertThat(SigningKeyFile.load(file).publicKey())
        .isEqualTo(new Ed25519Signer(seed).publicKey());
  }

  @Test
  void acceptsReadOnlyAndAMissingFinalNewline() throws IOException {
    String line = "ed25519-seed:" + Base64.getEncoder().encodeToString(new byte[32]);
    Path file = writeKey(line, "r--------");

    assertThat(SigningKeyFile.load(file).publicKey())
        .isEqualTo(new Ed25519Signer(new byte[32]).publicKey());
  }

  @Test
  void refusesAKeyReadableByOthersAndLeavesItAlone() throws IOException {
    SigningKeyFile.loadOrCreate(dir.resolve("signing.key"));
    Path file = dir.resolve("signing.key");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    byte[] content = Files.readAllBytes(file);
    String seed = new String(content, StandardCharsets.US_ASCII).substring(13, 57);

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("has permissions rw-r--r--")
        .hasMessageContaining("chmod 600")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(seed));
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
  }

  @Test
  void refusesGroupOnlyAccessToo() throws IOException {
    Path file = writeKey(
        "ed25519-seed:" + Base64.getEncoder().encodeToString(new byte[32]) + "\n", "rw-r-----");

    assertThatThrownBy(() -> SigningKeyFile.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("has permissions rw-r-----");
  }

  @Test
  void refusesMalformedContentWithoutQuotingIt() throws IOException {
    String secretish = Base64.getEncoder().encodeToString(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24});
    List<String> malformed = List.of(
        "",
        "\n",
        "ed25519-seed:" + secretish + "\n", // 24 bytes, not 32
        "ed25519-seed:" + Base64.getEncoder().encodeToString(new byte[32]).replace('=', 'B'),
        "ed25519-seed:" + Base64.getEncoder().encodeToString(new byte[32]) + "\n\n",
        "ED25519-SEED:" + Base64.getEncoder().encodeToString(new byte[32]) + "\n",
        "ed25519-seed: " + Base64.getEncoder().encodeToString(new byte[32]) + "\n",
        "ed25519-seed:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\n", // non-zero trailing bits
        "ed25519-seed:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-A=\n", // base64url character
        "x".repeat(5000));
    for (String content : malformed) {
      Path file = writeKey(content, "rw-------");

      assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
          .as("content %s", content.length() > 60 ? "long" : content)
          .isInstanceOf(KeyFileException.class)
          .hasMessageContaining("is malformed")
          .hasNoCause()
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secretish.substring(0, 10)));
      assertThat(Files.readString(file)).isEqualTo(content);
      Files.delete(file);
    }
  }

  @Test
  void refusesADirectoryOrADanglingLinkAndCreatesNothing() throws IOException {
    Path directory = Files.createDirectory(dir.resolve("key-dir"));
    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(directory))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("not a regular file");

    Path link = Files.createSymbolicLink(dir.resolve("link.key"), dir.resolve("missing.key"));
    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(link))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith("cannot read signing key file " + link)
        .hasCauseInstanceOf(NoSuchFileException.class);
    assertThat(dir.resolve("missing.key")).doesNotExist();
  }

  @Test
  void reportsAMissingDirectoryAsAKeyFileException() {
    Path file = dir.resolve("no-such-dir").resolve("signing.key");

    assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageStartingWith("cannot create signing key file " + file)
        .hasCauseInstanceOf(NoSuchFileException.class);
  }

  @Test
  void loadDoesNotCreate() {
    Path file = dir.resolve("absent.key");

    assertThatThrownBy(() -> SigningKeyFile.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasCauseInstanceOf(NoSuchFileException.class);
    assertThat(file).doesNotExist();
  }

  @Test
  void concurrentFirstStartsAllGetTheSameKey() throws Exception {
    Path file = dir.resolve("signing.key");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Ed25519Signer>> results = new ArrayList<>();
      Callable<Ed25519Signer> open = () -> SigningKeyFile.loadOrCreate(file);
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(open));
      }
      List<byte[]> publicKeys = new ArrayList<>();
      for (Future<Ed25519Signer> result : results) {
        publicKeys.add(result.get().publicKey());
      }
      byte[] expected = SigningKeyFile.load(file).publicKey();
      assertThat(publicKeys).allSatisfy(key -> assertThat(key).isEqualTo(expected));
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void signerToStringNeverContainsTheSeed() throws IOException {
    Path file = dir.resolve("signing.key");
    Ed25519Signer signer = SigningKeyFile.loadOrCreate(file);
    String seedBase64 = Files.readString(file).substring(13, 57);
    byte[] seed = Base64.getDecoder().decode(seedBase64);

    assertThat(signer.toString())
        .doesNotContain(seedBase64)
        .doesNotContain(java.util.HexFormat.of().formatHex(seed));
  }

  private Path writeKey(String content, String permissions) throws IOException {
    Path file = dir.resolve("signing.key");
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }
}
