package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureSchemes;
import io.accessledger.crypto.Verifier;
import java.util.Arrays;

/**
 * A witness's C2SP {@code tlog-cosignature} Ed25519 ({@code cosignature/v1}) verifier key: the
 * witness's name, its 4-byte key ID and its 32-byte public key.
 *
 * <p>Published (by {@link #toString()}) and read (by {@link #parse}) as the C2SP signed-note vkey
 * {@code <name>+<8 lowercase hex digits of the key ID>+<base64(0x04 || public key)>}. The key ID
 * is always the first four bytes, big-endian, of SHA-256(name || 0x0A || 0x04 || public key); a
 * key whose stated ID differs is refused. The type byte 0x04 keeps a witness key apart from a
 * log's {@link VerifierKey} (type 0x01) even when both share a name and a public key: a
 * cosignature never verifies as a checkpoint signature, nor the other way round.
 *
 * <p>Immutable, compared by name and public key; the public key is copied in and out.
 */
public final class WitnessKey {
  /** The C2SP signed-note signature type of timestamped Ed25519 witness cosignatures. */
  static final byte COSIGNATURE_V1_TYPE = 0x04;

  private final String name;
  private final int keyId;
  private final byte[] publicKey;
  private final Verifier verifier;

  private WitnessKey(String name, byte[] publicKey) {
    this.name = name;
    this.publicKey = publicKey;
    this.keyId = keyId(name, publicKey);
    this.verifier = SignatureSchemes.ed25519(publicKey);
  }

  /**
   * The witness key for {@code publicKey} under {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid key name (non-empty, no
   *     spaces, no '+', no control characters) or {@code publicKey} is not a 32-byte Ed25519 key
   */
  public static WitnessKey of(String name, byte[] publicKey) {
    String problem = NoteText.keyNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("witness key name " + problem);
    }
    if (publicKey == null || publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 public key must be " + Ed25519Keys.PUBLIC_KEY_LENGTH + " bytes, got "
              + (publicKey == null ? "null" : publicKey.length));
    }
    return new WitnessKey(name, publicKey.clone());
  }

  /**
   * Parses the published form {@code <name>+<hex key ID>+<base64(0x04 || public key)>}.
   *
   * @throws CheckpointException naming the problem: bad shape, bad name, key ID not 8 lowercase
   *     hex digits, bad base64, a type byte other than 0x04 (a log's 0x01 key is named as such),
   *     a wrong length, a key that is not a curve point, or a key ID that does not match
   */
  public static WitnessKey parse(String text) throws CheckpointException {
    NoteKeyText.Parts parts = NoteKeyText.parse(text, "witness key", COSIGNATURE_V1_TYPE,
        found -> String.format(
            "unsupported witness key type 0x%02x; only 0x04 (Ed25519 cosignature/v1) is"
                + " supported%s", found, found == VerifierKey.ED25519_TYPE ? " (0x01 is a log's key)"
                : ""));
    WitnessKey key;
    try {
      key = new WitnessKey(parts.name(), parts.publicKey());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("witness key is not a valid Ed25519 public key", e);
    }
    NoteKeyText.checkKeyId("witness key", parts.idHex(), key.keyIdHex());
    return key;
  }

  /** The witness's name, the key name of its cosignature lines. */
  public String name() {
    return name;
  }

  /** The 4-byte key ID as a big-endian int. */
  public int keyId() {
    return keyId;
  }

  /** The key ID as 8 lowercase hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** A copy of the 32-byte Ed25519 public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Verifies raw Ed25519 signatures made with this key (over the cosigned message). */
  Verifier verifier() {
    return verifier;
  }

  /** {@code name+keyIdHex}: identifies the key in messages without the long base64 part. */
  String label() {
    return name + "+" + keyIdHex();
  }

  /** The published form, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return NoteKeyText.format(label(), COSIGNATURE_V1_TYPE, publicKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WitnessKey k
        && name.equals(k.name)
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(publicKey);
  }

  /** SHA-256(name || 0x0A || type || public key)[:4] as a big-endian int. */
  static int keyId(String name, byte[] publicKey) {
    return NoteKeyText.keyId(name, COSIGNATURE_V1_TYPE, publicKey);
  }
}
