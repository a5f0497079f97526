package io.accessledger.ledger.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {
  private static final byte[] PUBLIC_KEY = CheckpointTestVectors.signer().publicKey();

  @Test
  void theGoldenKeyHasTheGoldenPublishedForm() {
    VerifierKey key = VerifierKey.of(CheckpointTestVectors.ORIGIN, PUBLIC_KEY);

    assertThat(key.toString()).isEqualTo(CheckpointTestVectors.VERIFIER_KEY);
    assertThat(key.name()).isEqualTo(CheckpointTestVectors.ORIGIN);
    assertThat(key.keyId()).isEqualTo(0xe4fe6db6);
    assertThat(key.keyIdHex()).isEqualTo("e4fe6db6");
  }

  @Test
  void parsesThePublishedFormBack() throws CheckpointException {
    VerifierKey key = VerifierKey.parse(CheckpointTestVectors.VERIFIER_KEY);

    assertThat(key).isEqualTo(VerifierKey.of(CheckpointTestVectors.ORIGIN, PUBLIC_KEY));
    assertThat(key).hasSameHashCodeAs(VerifierKey.of(CheckpointTestVectors.ORIGIN, PUBLIC_KEY));
    assertThat(key.publicKey()).isEqualTo(PUBLIC_KEY);
    assertThat(key.toString()).isEqualTo(CheckpointTestVectors.VERIFIER_KEY);
  }

  @Test
  void keyIdDependsOnTheName() {
    assertThat(VerifierKey.of("other.example/log", PUBLIC_KEY).keyId())
        .isNotEqualTo(VerifierKey.of(CheckpointTestVectors.ORIGIN, PUBLIC_KEY).keyId());
    assertThat(VerifierKey.of("other.example/log", PUBLIC_KEY))
        .isNotEqualTo(VerifierKey.of(CheckpointTestVectors.ORIGIN, PUBLIC_KEY));
  }

  @Test
  void publicKeyIsCopiedInAndOut() {
    byte[] publicKey = PUBLIC_KEY.clone();
    VerifierKey key = VerifierKey.of(CheckpointTestVectors.ORIGIN, publicKey);
    publicKey[0] ^= 1;
    key.publicKey()[1] ^= 1;

    assertThat(key.publicKey()).isEqualTo(PUBLIC_KEY);
    assertThat(key.toString()).isEqualTo(CheckpointTestVectors.VERIFIER_KEY);
  }

  @Test
  void refusesABadTypeByte() {
    assertThatThrownBy(() -> VerifierKey.parse(published(CheckpointTestVectors.ORIGIN, "e4fe6db6",
            concat(new byte[] {0x02}, PUBLIC_KEY))))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("unsupported verifier key type 0x02; only 0x01 (Ed25519) is supported");
  }

  @Test
  void refusesABadLength() {
    byte[] tooShort = concat(new byte[] {0x01}, Arrays.copyOf(PUBLIC_KEY, 31));
    byte[] tooLong = concat(new byte[] {0x01}, Arrays.copyOf(PUBLIC_KEY, 33));

    assertThatThrownBy(() -> VerifierKey.parse(published("a", "e4fe6db6", tooShort)))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("verifier key must be 33 bytes (type 0x01 and a 32-byte Ed25519 key), got 32");
    assertThatThrownBy(() -> VerifierKey.parse(published("a", "e4fe6db6", tooLong)))
        .hasMessage("verifier key must be 33 bytes (type 0x01 and a 32-byte Ed25519 key), got 34");
    assertThatThrownBy(() -> VerifierKey.parse("a+e4fe6db6+"))
        .hasMessage("verifier key must be 33 bytes (type 0x01 and a 32-byte Ed25519 key), got 0");
  }

  @Test
  void refusesAWrongKeyId() {
    String wrongId = CheckpointTestVectors.VERIFIER_KEY.replace("+e4fe6db6+", "+e4fe6db7+");

    assertThatThrownBy(() -> VerifierKey.parse(wrongId))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("verifier key ID mismatch: got e4fe6db7, want e4fe6db6");
  }

  @Test
  void refusesAKeyIdForAnotherName() {
    String renamed = CheckpointTestVectors.VERIFIER_KEY.replace("audit-log+", "audit-lag+");

    assertThatThrownBy(() -> VerifierKey.parse(renamed))
        .isInstanceOf(CheckpointException.class)
        .hasMessageStartingWith("verifier key ID mismatch: got e4fe6db6, want ");
  }

  @Test
  void refusesKeyIdsThatAreNotEightLowercaseHexDigits() {
    for (String id : new String[] {"E4FE6DB6", "e4fe6db", "e4fe6db66", "", "e4fe6dbg"}) {
      String text = CheckpointTestVectors.VERIFIER_KEY.replace("+e4fe6db6+", "+" + id + "+");

      assertThatThrownBy(() -> VerifierKey.parse(text))
          .isInstanceOf(CheckpointException.class)
          .hasMessage("verifier key ID must be 8 lowercase hex digits, got '" + id + "'");
    }
  }

  @Test
  void refusesBadBase64() {
    String golden = CheckpointTestVectors.VERIFIER_KEY;
    for (String text : new String[] {
        golden.replace("AQOhB7", "AQOhB!"), // not base64
        golden + "=", // padding where there is none
        golden.replace("AQOhB7/zzhC", "AQOhB7_zzhC"), // base64url
        golden.replace("SVTG4", "SVTG4=="), // excess padding
        golden.replace("SVTG4", "SVTG"), // truncated
        golden.replace("AQOhB7", "AQO hB7")}) {
      assertThatThrownBy(() -> VerifierKey.parse(text))
          .as(text)
          .isInstanceOf(CheckpointException.class)
          .hasMessage("verifier key is not valid base64");
    }
  }

  @Test
  void refusesBadShapesAndNames() {
    assertThatThrownBy(() -> VerifierKey.parse("example.org/audit-log"))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("verifier key must have the form <name>+<hex key ID>+<base64 key>");
    assertThatThrownBy(() -> VerifierKey.parse("example.org/audit-log+e4fe6db6"))
        .hasMessage("verifier key must have the form <name>+<hex key ID>+<base64 key>");
    assertThatThrownBy(
            () -> VerifierKey.parse(CheckpointTestVectors.VERIFIER_KEY.replace("example.org/", "")
                .replace("audit-log", "")))
        .hasMessage("verifier key name is empty");
    assertThatThrownBy(() -> VerifierKey.parse("my log" + golden()))
        .hasMessage("verifier key name contains a space character U+0020");
    assertThatThrownBy(() -> VerifierKey.parse("x".repeat(2000)))
        .hasMessage("verifier key is too long: 2000 characters");
  }

  @Test
  void refusesAKeyThatIsNotACurvePoint() {
    byte[] notAPoint = HexFormat.of()
        .parseHex("0200000000000000000000000000000000000000000000000000000000000000");

    assertThatThrownBy(
            () -> VerifierKey.parse(published("a", "00000000", concat(new byte[] {1}, notAPoint))))
        .isInstanceOf(CheckpointException.class)
        .hasMessage("verifier key is not a valid Ed25519 public key");
  }

  @Test
  void ofRefusesBadNamesAndLengths() {
    assertThatThrownBy(() -> VerifierKey.of("a+b", PUBLIC_KEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key name contains '+'");
    assertThatThrownBy(() -> VerifierKey.of("a\u2003b", PUBLIC_KEY))
        .hasMessage("key name contains a space character U+2003");
    assertThatThrownBy(() -> VerifierKey.of("a", new byte[33]))
        .hasMessage("Ed25519 public key must be 32 bytes, got 33");
  }

  private static String golden() {
    return CheckpointTestVectors.VERIFIER_KEY.substring(CheckpointTestVectors.ORIGIN.length());
  }

  private static String published(String name, String id, byte[] key) {
    return name + "+" + id + "+" + Base64.getEncoder().encodeToString(key);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
