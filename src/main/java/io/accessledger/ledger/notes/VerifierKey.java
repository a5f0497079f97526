package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureSchemes;
import io.accessledger.crypto.Verifier;
import java.util.Arrays;

/**
 * A signed-note Ed25519 verifier key: a key name, its 4-byte key ID and a 32-byte public key.
 *
 * <p>Published (by {@link #toString()}) and read (by {@link #parse}) as {@code
 * <name>+<8 lowercase hex digits of the key ID>+<base64(0x01 || public key)>}, the format of
 * golang.org/x/mod/sumdb/note. The key ID is always the first four bytes, big-endian, of
 * SHA-256(name || 0x0A || 0x01 || public key); a key whose stated ID differs is refused.
 *
 * <p>Immutable, compared by name and public key; the public key is copied in and out.
 */
public final class VerifierKey {
  /** The C2SP signed-note signature type of Ed25519. */
  static final byte ED25519_TYPE = 0x01;

  private final String name;
  private final int keyId;
  private final byte[] publicKey;
  private final Verifier verifier;

  private VerifierKey(String name, byte[] publicKey) {
    this.name = name;
    this.publicKey = publicKey;
    this.keyId = keyId(name, publicKey);
    this.verifier = SignatureSchemes.ed25519(publicKey);
  }

  /**
   * The verifier key for {@code publicKey} under {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid key name (non-empty, no
   *     spaces, no '+', no control characters) or {@code publicKey} is not a 32-byte Ed25519 key
   */
  public static VerifierKey of(String name, byte[] publicKey) {
    String problem = NoteText.keyNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("key name " + problem);
    }
    if (publicKey == null || publicKey.length != Ed25519Keys.PUBLIC_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "Ed25519 public key must be " + Ed25519Keys.PUBLIC_KEY_LENGTH + " bytes, got "
              + (publicKey == null ? "null" : publicKey.length));
    }
    return new VerifierKey(name, publicKey.clone());
  }

  /**
   * Parses the published form {@code <name>+<hex key ID>+<base64(0x01 || public key)>}.
   *
   * @throws CheckpointException naming the problem: bad shape, bad name, key ID not 8
   *     lowercase hex digits, bad base64, a type byte other than 0x01, a wrong length, a key that
   *     is not a curve point, or a key ID that does not match the name and key
   */
  public static VerifierKey parse(String text) throws CheckpointException {
    NoteKeyText.Parts parts = NoteKeyText.parse(text, "verifier key", ED25519_TYPE,
        found -> String.format(
            "unsupported verifier key type 0x%02x; only 0x01 (Ed25519) is supported", found));
    VerifierKey key;
    try {
      key = new VerifierKey(parts.name(), parts.publicKey());
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("verifier key is not a valid Ed25519 public key", e);
    }
    NoteKeyText.checkKeyId("verifier key", parts.idHex(), key.keyIdHex());
    return key;
  }

  /** The key name; for this log's own key, the checkpoint origin. */
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

  /** Verifies signatures made with this key. */
  public Verifier verifier() {
    return verifier;
  }

  /** {@code name+keyIdHex}: identifies the key in messages without the long base64 part. */
  String label() {
    return name + "+" + keyIdHex();
  }

  /** The published form, which {@link #parse} reads back. */
  @Override
  public String toString() {
    return NoteKeyText.format(label(), ED25519_TYPE, publicKey);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerifierKey k
        && name.equals(k.name)
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(publicKey);
  }

  /** SHA-256(name || 0x0A || type || public key)[:4] as a big-endian int. */
  static int keyId(String name, byte[] publicKey) {
    return NoteKeyText.keyId(name, ED25519_TYPE, publicKey);
  }
}
