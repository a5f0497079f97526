package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.Digest;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens C2SP {@code tlog-checkpoint} signed notes: checks the signature, then reads the checkpoint.
 *
 * <p>{@link #open} accepts a note only if all of these hold, in this order, and otherwise throws a
 * {@link CheckpointException} saying which failed:
 *
 * <ol>
 *   <li>The envelope is well-formed (see {@link SignedNote}): at most 256 KiB of UTF-8, no control
 *       characters but newline, ends with a newline, text and signature lines separated by the last
 *       blank line, 1 to 100 signature lines, each syntactically valid (canonical base64).
 *   <li>At least one signature line carries the key's name and key ID, and every such line
 *       verifies over the note text (a bad signature from the trusted key rejects the note, as the
 *       signed-note spec recommends). Lines from other keys, including lines that share only the
 *       name or only the key ID, are ignored: they are how witnesses co-sign and keys rotate.
 *   <li>Only then is the text read as a checkpoint: at least three non-empty lines; the origin; the
 *       tree size in ASCII decimal with no sign and no leading zero (except {@code 0}) that fits
 *       in a signed 64-bit integer; the root hash as canonical padded base64 of 32 bytes.
 *       <b>Extension lines</b> (further non-empty lines) are accepted, as the spec allows: they
 *       are covered by the verified signature but are not returned. This log never writes them.
 *   <li>The origin equals the key's name: this log's checkpoints are signed under their origin.
 * </ol>
 */
public final class SignedCheckpoint {
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

  private SignedCheckpoint() {}

  /**
   * The checkpoint that {@code note} carries, if {@code key} validly signs it.
   *
   * @throws CheckpointException if the note is malformed, not validly signed by {@code key}, or
   *     for an origin other than the key's name
   */
  public static Checkpoint open(String note, VerifierKey key) throws CheckpointException {
    Objects.requireNonNull(key, "key");
    return open(note, VerifierKeys.of(key));
  }

  /**
   * The checkpoint that {@code note} carries, if a key of {@code keys} validly signs it (and no
   * line from a key of {@code keys} fails); lines from other keys are ignored.
   *
   * @throws CheckpointException if the note is malformed, not validly signed by a key of {@code
   *     keys}, or for an origin other than the name of the key that signed it
   */
  public static Checkpoint open(String note, VerifierKeys keys) throws CheckpointException {
    return openSigned(note, keys).checkpoint();
  }

  /**
   * As {@link #open(String, VerifierKeys)}, also saying which of {@code keys} signed it: every
   * key of {@code keys} whose line verified, in line order.
   *
   * @throws CheckpointException as {@link #open(String, VerifierKeys)}
   */
  public static VerifiedCheckpoint openSigned(String note, VerifierKeys keys)
      throws CheckpointException {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(keys, "keys");
    SignedNote parsed = SignedNote.parse(note);
    List<VerifierKey> signers = parsed.verifySignatures(keys);
    Checkpoint checkpoint = readCheckpoint(parsed.text());
    for (VerifierKey signer : signers) {
      if (!checkpoint.origin().equals(signer.name())) {
        throw new CheckpointException(
            "origin mismatch: got " + NoteText.quote(checkpoint.origin()) + ", want "
                + NoteText.quote(signer.name()));
      }
    }
    return new VerifiedCheckpoint(checkpoint, signers);
  }

  /**
   * The key IDs of {@code note}'s signature lines that carry {@code name} (a log's origin), with
   * no signature verified: how a reader notices a line from a key of the log it does not know.
   *
   * @throws CheckpointException if the note is not a well-formed signed note
   */
  public static List<Integer> keyIdsNamed(String note, String name) throws CheckpointException {
    return SignedNote.parse(note).keyIdsNamed(name);
  }

  /**
   * As {@link #open(String, VerifierKey)}, for a note read as bytes (from a file or an HTTP body).
   *
   * @throws CheckpointException also if {@code note} is not valid UTF-8
   */
  public static Checkpoint open(byte[] note, VerifierKey key) throws CheckpointException {
    Objects.requireNonNull(note, "note");
    return open(SignedNote.decodeUtf8(note), key);
  }

  /**
   * As {@link #open(String, VerifierKeys)}, for a note read as bytes.
   *
   * @throws CheckpointException also if {@code note} is not valid UTF-8
   */
  public static VerifiedCheckpoint openSigned(byte[] note, VerifierKeys keys)
      throws CheckpointException {
    Objects.requireNonNull(note, "note");
    return openSigned(SignedNote.decodeUtf8(note), keys);
  }

  private static Checkpoint readCheckpoint(String text) throws CheckpointException {
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new CheckpointException(
          "checkpoint text has " + lines.length
              + " lines, want at least 3 (origin, tree size, root hash)");
    }
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        throw new CheckpointException("checkpoint text line " + (i + 1) + " is empty");
      }
    }
    return new Checkpoint(lines[0], readSize(lines[1]), readRoot(lines[2]));
  }

  private static long readSize(String line) throws CheckpointException {
    if (!DECIMAL.matcher(line).matches()) {
      throw new CheckpointException(
          "tree size must be decimal digits with no sign or leading zero, got "
              + NoteText.quote(line));
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw new CheckpointException("tree size is out of range: " + NoteText.quote(line), e);
    }
  }

  private static Digest readRoot(String line) throws CheckpointException {
    byte[] root;
    try {
      root = NoteText.decodeBase64(line);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(
          "root hash is not canonical base64: " + NoteText.quote(line), e);
    }
    if (root.length != Digest.LENGTH) {
      throw new CheckpointException(
          "root hash must be " + Digest.LENGTH + " bytes, got " + root.length);
    }
    return Digest.of(root);
  }
}
