package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.Ed25519Signer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cosignature/v1 vector made with the openssl CLI (src/test/resources/cosignature/README.md
 * gives the commands): the Java signer must produce it byte for byte, and the verifier must accept
 * it and refuse every named mutation.
 */
class CosignatureVectorTest {
  private static final String NAME = "witness.example.org/w1";

  @Test
  void theSignerProducesTheOpensslLineByteForByte() throws IOException {
    CosignatureSigner signer = signer();

    Cosignature made = signer.sign(body(), Instant.ofEpochSecond(time()));

    assertThat(made.line().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(resource("cosignature.txt").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theWitnessKeyPrintsAsTheOpensslVkey() throws IOException, CheckpointException {
    String vkey = resource("witness-vkey.txt").strip();

    assertThat(signer().key().toString()).isEqualTo(vkey);
    assertThat(WitnessKey.parse(vkey)).isEqualTo(signer().key());
    assertThat(WitnessKey.parse(vkey).keyIdHex()).isEqualTo("480e2ca5");
  }

  @Test
  void theOpensslLineParsesAndVerifies() throws IOException, CheckpointException {
    Cosignature line = Cosignature.parse(resource("cosignature.txt"));

    line.verify(body(), WitnessKey.parse(resource("witness-vkey.txt").strip()));
    assertThat(line.keyName()).isEqualTo(NAME);
    assertThat(line.keyIdHex()).isEqualTo("480e2ca5");
    assertThat(line.timestamp()).isEqualTo(time());
    assertThat(line.time()).isEqualTo(Instant.parse("2025-12-06T05:46:40Z"));
    assertThat(line.line()).isEqualTo(resource("cosignature.txt"));
  }

  @TestFactory
  Iterable<DynamicTest> everyNamedMutationFails() throws IOException, CheckpointException {
    WitnessKey key = WitnessKey.parse(resource("witness-vkey.txt").strip());
    Cosignature good = Cosignature.parse(resource("cosignature.txt"));
    String body = body();
    Map<String, UnaryOperator<byte[]>> mutations = Map.of(
        "wrong time", d -> putLong(d, 4, time() + 1),
        "time zero", d -> putLong(d, 4, 0),
        "flipped signature byte", d -> flip(d, 4 + 8 + 10),
        "flipped last signature byte", d -> flip(d, d.length - 1));
    java.util.List<DynamicTest> tests = new java.util.ArrayList<>();
    mutations.forEach((name, mutation) -> tests.add(DynamicTest.dynamicTest(name, () -> {
      Cosignature mutated = withDecoded(good, mutation);
      assertThatThrownBy(() -> mutated.verify(body, key))
          .isInstanceOf(CheckpointException.class)
          .hasMessageStartingWith("cosignature does not verify for witness key");
    })));
    tests.add(DynamicTest.dynamicTest("wrong key ID", () -> {
      Cosignature mutated = withDecoded(good, d -> flip(d, 0));
      assertThat(mutated.isFrom(key)).isFalse();
      assertThatThrownBy(() -> mutated.verify(body, key))
          .isInstanceOf(CheckpointException.class)
          .hasMessageContaining("not from witness key");
    }));
    tests.add(DynamicTest.dynamicTest("wrong name", () -> {
      Cosignature mutated = Cosignature.parse(good.line().replace(NAME, NAME + "x"));
      assertThat(mutated.isFrom(key)).isFalse();
      assertThatThrownBy(() -> mutated.verify(body, key))
          .hasMessageContaining("not from witness key");
    }));
    for (String wrongBody : new String[] {
        body.replace("\n8\n", "\n9\n"),
        body.replace("audit-log", "audit-lag"),
        body + "extension line\n"}) {
      tests.add(DynamicTest.dynamicTest("wrong body: " + wrongBody.replace("\n", "|"), () ->
          assertThatThrownBy(() -> good.verify(wrongBody, key))
              .isInstanceOf(CheckpointException.class)
              .hasMessageStartingWith("cosignature does not verify")));
    }
    tests.add(DynamicTest.dynamicTest("another witness's key", () -> {
      WitnessKey other = WitnessKey.of(NAME, CheckpointTestVectors.otherSigner().publicKey());
      assertThatThrownBy(() -> good.verify(body, other)).hasMessageContaining("not from");
    }));
    tests.add(DynamicTest.dynamicTest("a log's signature over the same body is no cosignature",
        () -> {
          // The same Ed25519 key signing the bare body (a checkpoint signature) must not verify.
          byte[] plain = seedSigner().sign(body.getBytes(StandardCharsets.UTF_8));
          Cosignature replayed = new Cosignature(NAME, key.keyId(), time(), plain);
          assertThatThrownBy(() -> replayed.verify(body, key))
              .hasMessageStartingWith("cosignature does not verify");
        }));
    return tests;
  }

  private static Cosignature withDecoded(Cosignature good, UnaryOperator<byte[]> mutation)
      throws CheckpointException {
    String line = good.toString();
    int space = line.lastIndexOf(' ');
    byte[] decoded = mutation.apply(Base64.getDecoder().decode(line.substring(space + 1)));
    return Cosignature.parse(
        line.substring(0, space + 1) + Base64.getEncoder().encodeToString(decoded));
  }

  private static byte[] flip(byte[] data, int index) {
    byte[] copy = data.clone();
    copy[index] ^= 0x01;
    return copy;
  }

  private static byte[] putLong(byte[] data, int index, long value) {
    byte[] copy = data.clone();
    ByteBuffer.wrap(copy).putLong(index, value);
    return copy;
  }

  static CosignatureSigner signer() {
    Ed25519Signer signer = seedSigner();
    return new CosignatureSigner(NAME, signer, signer.publicKey());
  }

  private static Ed25519Signer seedSigner() {
    try {
      return new Ed25519Signer(HexFormat.of().parseHex(resource("witness-seed.hex").strip()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body() throws IOException {
    String body = resource("checkpoint-body.txt");
    assertThat(body).isEqualTo(CheckpointTestVectors.BODY);
    return body;
  }

  private static long time() {
    try {
      return Long.parseLong(resource("time.txt").strip());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CosignatureVectorTest.class.getResourceAsStream("/cosignature/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /cosignature/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
