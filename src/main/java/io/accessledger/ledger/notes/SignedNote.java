package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note split into its text and its signature lines; syntax checked, not verified.
 *
 * <p>Strict about the envelope: at most {@link #MAX_BYTES} bytes of UTF-8 with no control
 * character but newline; ends with a newline; the text is everything up to and including the
 * newline before the LAST blank line; after that blank line come one to {@link #MAX_SIGNATURES}
 * well-formed signature lines (every line, from any key, must be well-formed).
 */
final class SignedNote {
  /** An em dash (U+2014) and a space: the start of every signature line. */
  static final String SIGNATURE_PREFIX = "\u2014 ";

  /** Largest note accepted, in UTF-8 bytes: room for 16 post-quantum signatures and more. */
  static final int MAX_BYTES = 256 * 1024;

  /** Most signature lines accepted (the spec requires accepting at least 16). */
  static final int MAX_SIGNATURES = 100;

  private final String text;
  private final List<NoteSignature> signatures;

  private SignedNote(String text, List<NoteSignature> signatures) {
    this.text = text;
    this.signatures = signatures;
  }

  /**
   * Splits {@code note} into text and signatures.
   *
   * @throws CheckpointException naming the first syntax problem found
   */
  static SignedNote parse(String note) throws CheckpointException {
    if (note.length() > MAX_BYTES) {
      throw tooLarge(note.length());
    }
    String problem = NoteText.textProblem(note, true);
    if (problem != null) {
      throw new CheckpointException("note " + problem);
    }
    int bytes = note.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw tooLarge(bytes);
    }
    if (!note.endsWith("\n")) {
      throw new CheckpointException("note does not end with a newline (truncated?)");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new CheckpointException(
          "note has no blank line between its text and its signature lines");
    }
    String block = note.substring(split + 2);
    if (block.isEmpty()) {
      throw new CheckpointException("note has no signature lines after its blank line");
    }
    String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new CheckpointException(
          "note has " + lines.length + " signature lines, more than the limit of "
              + MAX_SIGNATURES);
    }
    List<NoteSignature> signatures = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      signatures.add(NoteSignature.parse(lines[i], i + 1));
    }
    return new SignedNote(note.substring(0, split + 1), List.copyOf(signatures));
  }

  /**
   * Checks that at least one signature line is from {@code key} and that every line from it
   * verifies over the text; lines from other keys are ignored (co-signers, rotated keys).
   *
   * @throws CheckpointException if no line is from {@code key} or one from it does not verify
   */
  void verifySignatures(VerifierKey key) throws CheckpointException {
    verifySignatures(VerifierKeys.of(key));
  }

  /**
   * Checks that at least one signature line is from a key of {@code keys} and that every line
   * from any of them verifies over the text; lines from other keys are ignored (co-signers, keys
   * the verifier was not given), as C2SP signed-note requires.
   *
   * @return the keys of {@code keys} whose lines verified, in the order of the lines
   * @throws CheckpointException if no line is from a key of {@code keys}, or one from such a key
   *     does not verify
   */
  List<VerifierKey> verifySignatures(VerifierKeys keys) throws CheckpointException {
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    List<VerifierKey> verified = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (NoteSignature signature : signatures) {
      VerifierKey key = signature.keyIn(keys);
      if (key == null) {
        others.add(signature.label());
        continue;
      }
      byte[] bytes = signature.signature();
      if (bytes.length != Ed25519Keys.SIGNATURE_LENGTH) {
        throw new CheckpointException(
            "signature from key " + key.label() + " is " + bytes.length + " bytes, want "
                + Ed25519Keys.SIGNATURE_LENGTH);
      }
      try {
        key.verifier().verify(message, bytes);
      } catch (SignatureException e) {
        throw new CheckpointException("signature does not verify for key " + key.label(), e);
      }
      if (!verified.contains(key)) {
        verified.add(key);
      }
    }
    if (verified.isEmpty()) {
      String wanted = keys.keys().size() == 1 ? "key " + keys.labels() : "any of keys "
          + keys.labels();
      throw new CheckpointException(
          "no signature from " + wanted + "; the note is signed only by "
              + String.join(", ", others.subList(0, Math.min(others.size(), 5)))
              + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : ""));
    }
    return List.copyOf(verified);
  }

  /**
   * The key IDs of the signature lines named {@code name}, in line order: how a reader notices
   * that a note is signed by a key of this log that it does not know yet.
   */
  List<Integer> keyIdsNamed(String name) {
    List<Integer> ids = new ArrayList<>();
    for (NoteSignature signature : signatures) {
      if (signature.isNamed(name)) {
        ids.add(signature.keyId());
      }
    }
    return ids;
  }

  /**
   * {@code note} read as strict UTF-8, for notes that arrive as bytes (a file, an HTTP body).
   *
   * @throws CheckpointException if it is larger than {@link #MAX_BYTES} or not valid UTF-8
   */
  static String decodeUtf8(byte[] note) throws CheckpointException {
    if (note.length > MAX_BYTES) {
      throw new CheckpointException(
          "note is too large: " + note.length + " bytes, limit " + MAX_BYTES);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(note))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CheckpointException("note is not valid UTF-8", e);
    }
  }

  /** The signed text, ending with its newline. */
  String text() {
    return text;
  }

  List<NoteSignature> signatures() {
    return signatures;
  }

  private static CheckpointException tooLarge(int size) {
    return new CheckpointException(
        "note is too large: at least " + size + " bytes, limit " + MAX_BYTES);
  }
}
