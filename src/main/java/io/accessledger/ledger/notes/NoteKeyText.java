package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.ledger.merkle.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The C2SP signed-note verifier key text, {@code <name>+<8 lowercase hex digits of the key
 * ID>+<base64(type || 32-byte Ed25519 public key)>}, shared by a log's {@link VerifierKey} (type
 * 0x01) and a witness's {@link WitnessKey} (type 0x04). The key ID is always the first four
 * bytes, big-endian, of SHA-256(name || 0x0A || type || public key), so it binds the type too: a
 * key of one type never passes for the other.
 */
final class NoteKeyText {
  private static final int MAX_TEXT_LENGTH = 1024;
  private static final int KEY_ID_HEX_LENGTH = 8;

  private NoteKeyText() {}

  /** A key text split and checked for shape, name, ID digits, type and length; ID not yet bound. */
  record Parts(String name, String idHex, byte[] publicKey) {}

  /**
   * Splits {@code text}; messages begin with {@code what} ("verifier key", "witness key").
   *
   * @param typeProblem the message for a wrong type byte, given the byte found
   * @throws CheckpointException naming the first problem
   */
  static Parts parse(String text, String what, byte type, TypeProblem typeProblem)
      throws CheckpointException {
    Objects.requireNonNull(text, what);
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new CheckpointException(what + " is too long: " + text.length() + " characters");
    }
    int first = text.indexOf('+');
    int second = first < 0 ? -1 : text.indexOf('+', first + 1);
    if (second < 0) {
      throw new CheckpointException(
          what + " must have the form <name>+<hex key ID>+<base64 key>");
    }
    String name = text.substring(0, first);
    String problem = NoteText.keyNameProblem(name);
    if (problem != null) {
      throw new CheckpointException(what + " name " + problem);
    }
    String idHex = text.substring(first + 1, second);
    if (!isLowerHex(idHex)) {
      throw new CheckpointException(
          what + " ID must be 8 lowercase hex digits, got " + NoteText.quote(idHex));
    }
    byte[] encoded;
    try {
      encoded = NoteText.decodeBase64(text.substring(second + 1));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(what + " is not valid base64", e);
    }
    if (encoded.length > 0 && encoded[0] != type) {
      throw new CheckpointException(typeProblem.message(encoded[0]));
    }
    if (encoded.length != 1 + Ed25519Keys.PUBLIC_KEY_LENGTH) {
      throw new CheckpointException(String.format(
          "%s must be 33 bytes (type 0x%02x and a 32-byte Ed25519 key), got %d",
          what, type, encoded.length));
    }
    return new Parts(name, idHex, Arrays.copyOfRange(encoded, 1, encoded.length));
  }

  /** The message for a key text whose type byte is {@code found}. */
  @FunctionalInterface
  interface TypeProblem {
    String message(byte found);
  }

  /** Requires the stated ID to be the one the name, type and key give. */
  static void checkKeyId(String what, String idHex, String actualHex) throws CheckpointException {
    if (!actualHex.equals(idHex)) {
      throw new CheckpointException(what + " ID mismatch: got " + idHex + ", want " + actualHex);
    }
  }

  /** SHA-256(name || 0x0A || type || public key)[:4] as a big-endian int. */
  static int keyId(String name, byte type, byte[] publicKey) {
    byte[] hash = TreeHasher.sha256(
        name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', type}, publicKey);
    return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8)
        | (hash[3] & 0xff);
  }

  /** The published form: {@code label+base64(type || public key)}. */
  static String format(String label, byte type, byte[] publicKey) {
    byte[] encoded = new byte[1 + publicKey.length];
    encoded[0] = type;
    System.arraycopy(publicKey, 0, encoded, 1, publicKey.length);
    return label + "+" + Base64.getEncoder().encodeToString(encoded);
  }

  private static boolean isLowerHex(String text) {
    if (text.length() != KEY_ID_HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
