package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessledger.crypto.bc.Ed25519Signer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {
  private static final Instant TIME = Instant.parse("2026-12-07T12:00:00.900Z");
  private static final Ed25519Signer KEY = CheckpointTestVectors.otherSigner();
  private static final CosignatureSigner SIGNER =
      new CosignatureSigner("partner.example/witness", KEY, KEY.publicKey());

  @Test
  void signsAtWholeSecondsAndVerifies() throws CheckpointException {
    Checkpoint checkpoint =
        new Checkpoint(CheckpointTestVectors.ORIGIN, CheckpointTestVectors.SIZE,
            CheckpointTestVectors.ROOT);

    Cosignature cosignature = SIGNER.sign(checkpoint, TIME);

    assertThat(cosignature.timestamp()).isEqualTo(TIME.getEpochSecond());
    assertThat(cosignature.keyName()).isEqualTo("partner.example/witness");
    assertThat(cosignature.keyId()).isEqualTo(SIGNER.key().keyId());
    assertThat(cosignature.isFrom(SIGNER.key())).isTrue();
    cosignature.verify(checkpoint, SIGNER.key());
    cosignature.verify(CheckpointTestVectors.BODY, SIGNER.key());
    assertThat(Cosignature.parse(cosignature.line())).isEqualTo(cosignature);
    assertThat(Cosignature.parse(cosignature.toString())).isEqualTo(cosignature);
  }

  @Test
  void theSignedMessageIsHeaderTimeAndBody() {
    assertThat(new String(Cosignature.message("o\n1\nr\n", 1679315147), StandardCharsets.UTF_8))
        .isEqualTo("cosignature/v1\ntime 1679315147\no\n1\nr\n");
  }

  @Test
  void aCosignedNoteStillOpensWithTheLogKeyAlone() throws CheckpointException {
    // A cosignature appended after the log's line is an unknown key to the log's verifier.
    String note = CheckpointTestVectors.NOTE
        + SIGNER.sign(CheckpointTestVectors.BODY, TIME).line();

    Checkpoint opened =
        SignedCheckpoint.open(note, VerifierKey.parse(CheckpointTestVectors.VERIFIER_KEY));

    assertThat(opened.size()).isEqualTo(CheckpointTestVectors.SIZE);
  }

  @Test
  void parsesSeveralLinesAndNamesTheBadOne() throws CheckpointException {
    String a = SIGNER.sign(CheckpointTestVectors.BODY, TIME).line();
    String b = SIGNER.sign(CheckpointTestVectors.BODY, TIME.plusSeconds(5)).line();

    List<Cosignature> parsed = Cosignature.parseLines(a + b);

    assertThat(parsed).extracting(Cosignature::timestamp)
        .containsExactly(TIME.getEpochSecond(), TIME.getEpochSecond() + 5);
    assertThatThrownBy(() -> Cosignature.parseLines(a + "— x y\n"))
        .isInstanceOf(CheckpointException.class)
        .hasMessageStartingWith("line 2: ");
    assertThatThrownBy(() -> Cosignature.parseLines(a.strip()))
        .hasMessageContaining("ending with a newline");
    assertThatThrownBy(() -> Cosignature.parseLines(""))
        .hasMessageContaining("one or more lines");
  }

  @Test
  void refusesMalformedLines() {
    String good = SIGNER.sign(CheckpointTestVectors.BODY, TIME).toString();
    int space = good.lastIndexOf(' ');
    byte[] decoded = Base64.getDecoder().decode(good.substring(space + 1));

    assertThatThrownBy(() -> Cosignature.parse("- " + good.substring(2)))
        .hasMessageContaining("em dash");
    assertThatThrownBy(() -> Cosignature.parse(good.substring(0, space) + " " + "AAAA"))
        .hasMessageContaining("is 3 bytes, want 76");
    assertThatThrownBy(() -> Cosignature.parse(good.substring(0, space) + " "
            + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(decoded, 68))))
        .hasMessageContaining("is 68 bytes, want 76");
    assertThatThrownBy(() -> Cosignature.parse(good.substring(0, space) + " !!!!"))
        .hasMessageContaining("not canonical base64");
    assertThatThrownBy(() -> Cosignature.parse("\u2014 a+b " + good.substring(space + 1)))
        .hasMessageContaining("contains '+'");
    assertThatThrownBy(() -> Cosignature.parse(good + "\n\n"))
        .hasMessageContaining("control character");
    byte[] huge = decoded.clone();
    ByteBuffer.wrap(huge).putLong(4, -1L);
    assertThatThrownBy(() -> Cosignature.parse(good.substring(0, space) + " "
            + Base64.getEncoder().encodeToString(huge)))
        .hasMessage("cosignature timestamp exceeds 2^63 - 1");
  }

  @Test
  void refusesToSignWhatIsNotNoteText() {
    assertThatThrownBy(() -> SIGNER.sign("no final newline", TIME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SIGNER.sign("a\tb\n", TIME))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SIGNER.sign(CheckpointTestVectors.BODY, Instant.ofEpochSecond(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAPublicKeyThatIsNotTheSigners() {
    byte[] wrong = CheckpointTestVectors.signer().publicKey();

    assertThatThrownBy(() -> new CosignatureSigner("partner.example/witness", KEY, wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the signer's public key");
  }
}
