package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.Digest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens signed {@link CompletenessStatement} notes: the envelope and signature rules are those of
 * {@link SignedCheckpoint} (strict signed-note syntax, at least one valid signature from the key,
 * none from it invalid); then the text must be exactly the six lines of a statement, with no
 * extension lines, and the origin must be the key's name.
 */
public final class SignedCompleteness {
  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
  private static final Pattern HEAD = Pattern.compile("-1|0|[1-9][0-9]{0,18}");

  private SignedCompleteness() {}

  /**
   * The statement {@code note} carries, if {@code key} validly signs it.
   *
   * @throws CheckpointException naming what is wrong: the envelope, the signature, a line of the
   *     text, or an origin other than the key's name
   */
  public static CompletenessStatement open(String note, VerifierKey key)
      throws CheckpointException {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(key, "key");
    SignedNote parsed = SignedNote.parse(note);
    parsed.verifySignatures(key);
    return read(parsed, key);
  }

  /**
   * The statement {@code note} carries, if a key of {@code keys} validly signs it; lines from
   * other keys are ignored.
   *
   * @throws CheckpointException as {@link #open(String, VerifierKey)}
   */
  public static CompletenessStatement open(String note, VerifierKeys keys)
      throws CheckpointException {
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(keys, "keys");
    SignedNote parsed = SignedNote.parse(note);
    return read(parsed, parsed.verifySignatures(keys).get(0));
  }

  private static CompletenessStatement read(SignedNote parsed, VerifierKey key)
      throws CheckpointException {
    String text = parsed.text();
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length != 6 || !lines[0].equals(CompletenessStatement.HEADER)) {
      throw new CheckpointException("not a completeness statement: want 6 lines starting with "
          + CompletenessStatement.HEADER + ", got " + lines.length + " starting with "
          + NoteText.quote(lines[0]));
    }
    if (!lines[1].equals(key.name())) {
      throw new CheckpointException("origin mismatch: got " + NoteText.quote(lines[1])
          + ", want " + NoteText.quote(key.name()));
    }
    long size = number(lines[2], SIZE, "tree size");
    Digest root;
    try {
      byte[] bytes = NoteText.decodeBase64(lines[3]);
      if (bytes.length != Digest.LENGTH) {
        throw new IllegalArgumentException("wrong length");
      }
      root = Digest.of(bytes);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("root hash is not 32 bytes of canonical base64: "
          + NoteText.quote(lines[3]), e);
    }
    if (!lines[4].startsWith("key ")) {
      throw new CheckpointException("line 5 must be 'key <link key>', got "
          + NoteText.quote(lines[4]));
    }
    String linkKey;
    try {
      linkKey = CompletenessStatement.decodeKey(lines[4].substring(4));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("link key: " + e.getMessage(), e);
    }
    if (!lines[5].startsWith("head ")) {
      throw new CheckpointException("line 6 must be 'head <seq or -1>', got "
          + NoteText.quote(lines[5]));
    }
    long head = number(lines[5].substring(5), HEAD, "head");
    try {
      return new CompletenessStatement(lines[1], size, root, linkKey, head);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("not a valid statement: " + e.getMessage(), e);
    }
  }

  private static long number(String text, Pattern pattern, String what)
      throws CheckpointException {
    if (!pattern.matcher(text).matches()) {
      throw new CheckpointException(what + " must be canonical decimal, got " + NoteText.quote(text));
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new CheckpointException(what + " is out of range: " + NoteText.quote(text), e);
    }
  }
}
