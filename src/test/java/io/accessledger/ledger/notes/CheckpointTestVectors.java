package io.accessledger.ledger.notes;

import io.accessledger.crypto.bc.Ed25519Signer;
import io.accessledger.ledger.merkle.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The golden checkpoint vector and helpers for building notes by hand in tests. */
final class CheckpointTestVectors {
  static final String ORIGIN = "example.org/audit-log";
  static final String VERIFIER_KEY =
      "example.org/audit-log+e4fe6db6+AQOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4";
  static final Digest ROOT =
      Digest.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
  static final long SIZE = 8;
  static final String BODY =
      "example.org/audit-log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n";
  static final String SIGNATURE_LINE =
      "\u2014 example.org/audit-log 5P5ttgdw6c/H6+GjwVRiPCTAv/XL2phyq9IvMiL0WJ+6VDLKXuaScU0sOqSoZ2A"
          + "+punEwvsGiaORuhe/Hfl0csuznwA=\n";
  static final String NOTE = BODY + "\n" + SIGNATURE_LINE;

  private CheckpointTestVectors() {}

  /** The seed 0x00, 0x01, ..., 0x1f. */
  static byte[] seed() {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) i;
    }
    return seed;
  }

  static Ed25519Signer signer() {
    return new Ed25519Signer(seed());
  }

  /** A second, unrelated key: seed 0x20, 0x21, ..., 0x3f. */
  static Ed25519Signer otherSigner() {
    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (0x20 + i);
    }
    return new Ed25519Signer(seed);
  }

  /** A signature line over arbitrary {@code text}, by {@code signer} under {@code name}. */
  static String signatureLine(String text, String name, Ed25519Signer signer) {
    int keyId = VerifierKey.of(name, signer.publicKey()).keyId();
    return signatureLine(text, name, keyId, signer);
  }

  /** As above, but stating {@code keyId} whatever the key's real ID. */
  static String signatureLine(String text, String name, int keyId, Ed25519Signer signer) {
    byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
    byte[] bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
  }

  /** {@code text}, a blank line, and a signature of {@code text} by the golden key. */
  static String signedByGoldenKey(String text) {
    return text + "\n" + signatureLine(text, ORIGIN, signer());
  }
}
