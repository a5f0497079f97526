package io.accessledger.ledger.notes;

/**
 * One signature line of a signed note, syntax checked but not verified: {@code "— " + key name +
 * " " + base64(4-byte big-endian key ID || signature)}.
 */
final class NoteSignature {
  private final String keyName;
  private final int keyId;
  private final byte[] signature;

  private NoteSignature(String keyName, int keyId, byte[] signature) {
    this.keyName = keyName;
    this.keyId = keyId;
    this.signature = signature;
  }

  /**
   * Parses {@code line} (without its newline), the {@code number}th signature line.
   *
   * @throws CheckpointException if the line does not have the signature line syntax
   */
  static NoteSignature parse(String line, int number) throws CheckpointException {
    if (!line.startsWith(SignedNote.SIGNATURE_PREFIX)) {
      throw malformed(number, "does not start with an em dash (U+2014) and a space");
    }
    String rest = line.substring(SignedNote.SIGNATURE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw malformed(number, "has no space between key name and signature");
    }
    String name = rest.substring(0, space);
    String problem = NoteText.keyNameProblem(name);
    if (problem != null) {
      throw malformed(number, "key name " + problem);
    }
    byte[] decoded;
    try {
      decoded = NoteText.decodeBase64(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw malformed(number, "signature is not valid base64");
    }
    if (decoded.length < 5) {
      throw malformed(number, "signature is " + decoded.length + " bytes, too short for a key ID");
    }
    int keyId = ((decoded[0] & 0xff) << 24) | ((decoded[1] & 0xff) << 16)
        | ((decoded[2] & 0xff) << 8) | (decoded[3] & 0xff);
    byte[] signature = new byte[decoded.length - 4];
    System.arraycopy(decoded, 4, signature, 0, signature.length);
    return new NoteSignature(name, keyId, signature);
  }

  /** The key of {@code keys} this line names by key name and key ID, or null. */
  VerifierKey keyIn(VerifierKeys keys) {
    return keys.find(keyName, keyId);
  }

  boolean isNamed(String name) {
    return keyName.equals(name);
  }

  int keyId() {
    return keyId;
  }

  /** The signature bytes after the key ID (a copy). */
  byte[] signature() {
    return signature.clone();
  }

  /** {@code name+keyIdHex}, shortened for messages. */
  String label() {
    return NoteText.quote(keyName + "+" + String.format("%08x", keyId));
  }

  private static CheckpointException malformed(int number, String problem) {
    return new CheckpointException("malformed signature line " + number + ": " + problem);
  }
}
