package io.accessledger.ledger.notes;

import io.accessledger.ledger.merkle.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The v1 text format of a {@link TlogProof}: writes it, and reads it strictly, naming the first
 * line that is not as the format requires. Syntax only: what it reads is checked against a key
 * by {@link TlogProof#verify}, never here. {@link #format} writes what {@link #parse} reads back
 * to an equal value.
 */
final class TlogProofText {
  /** Largest proof text accepted, in characters: the note's own limit plus generous room. */
  static final int MAX_CHARS = SignedNote.MAX_BYTES + 128 * 1024;

  private static final String HEADER = TlogProof.HEADER;
  private static final int MAX_HASHES = TlogProof.MAX_HASHES;
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");
  private static final String EXTRA = "extra ";
  private static final String INDEX = "index ";

  private TlogProofText() {}

  /** The proof text: header, optional extra line, index, hashes, a blank line, the note. */
  static String format(TlogProof value) {
    String extra = value.extra();
    long index = value.index();
    List<Digest> proof = value.proof();
    String checkpoint = value.checkpoint();
    StringBuilder text = new StringBuilder(checkpoint.length() + 64 + 45 * proof.size());
    text.append(HEADER).append('\n');
    if (extra != null) {
      text.append(EXTRA).append(extra).append('\n');
    }
    text.append(INDEX).append(index).append('\n');
    for (Digest hash : proof) {
      text.append(hash.base64()).append('\n');
    }
    return text.append('\n').append(checkpoint).toString();
  }

  /**
   * Reads a proof in the v1 text format; checks syntax only.
   *
   * @throws TlogProofException naming the first line that is not as the format requires
   */
  static TlogProof parse(String text) throws TlogProofException {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_CHARS) {
      throw new TlogProofException(
          "proof is too large: " + text.length() + " characters, limit " + MAX_CHARS);
    }
    int cr = text.indexOf('\r');
    if (cr >= 0) {
      throw new TlogProofException("proof contains a carriage return at offset " + cr
          + "; lines must end with a newline alone (was it converted to CRLF?)");
    }
    String problem = NoteText.textProblem(text, true);
    if (problem != null) {
      throw new TlogProofException("proof " + problem);
    }
    Lines lines = new Lines(text);
    String header = lines.next("the header");
    if (!header.equals(HEADER)) {
      throw lines.error("wrong header: got " + NoteText.quote(header) + ", want '" + HEADER + "'");
    }
    String line = lines.next("the index line");
    String extra = null;
    if (line.startsWith(EXTRA)) {
      extra = line.substring(EXTRA.length());
      try {
        NoteText.decodeBase64(extra);
      } catch (IllegalArgumentException e) {
        throw lines.error("extra data is not canonical base64");
      }
      line = lines.next("the index line");
    }
    long index = index(line, lines);
    List<Digest> proof = new ArrayList<>();
    while (!(line = lines.next("the blank line before the checkpoint")).isEmpty()) {
      if (proof.size() == MAX_HASHES) {
        throw lines.error("more than " + MAX_HASHES + " proof hashes; no tree needs that many");
      }
      proof.add(hash(line, proof.size() + 1, lines));
    }
    String checkpoint = lines.rest();
    if (checkpoint.isEmpty()) {
      throw new TlogProofException("proof ends after its blank line: no checkpoint (truncated?)");
    }
    try {
      SignedNote.parse(checkpoint);
    } catch (CheckpointException e) {
      throw new TlogProofException("checkpoint: " + e.getMessage(), e);
    }
    return new TlogProof(extra, index, proof, checkpoint);
  }

  private static long index(String line, Lines lines) throws TlogProofException {
    if (!line.startsWith(INDEX)) {
      throw lines.error("want 'index <decimal>'" + (lines.number == 2 ? " or 'extra <base64>'" : "")
          + ", got " + NoteText.quote(line));
    }
    String digits = line.substring(INDEX.length());
    if (!DECIMAL.matcher(digits).matches()) {
      throw lines.error("index must be decimal digits with no sign or leading zero, got "
          + NoteText.quote(digits));
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw lines.error("index is out of range: " + NoteText.quote(digits));
    }
  }

  private static Digest hash(String line, int number, Lines lines) throws TlogProofException {
    byte[] bytes;
    try {
      bytes = NoteText.decodeBase64(line);
    } catch (IllegalArgumentException e) {
      throw lines.error(
          "proof hash " + number + " is not canonical base64: " + NoteText.quote(line));
    }
    if (bytes.length != Digest.LENGTH) {
      throw lines.error("proof hash " + number + " is " + bytes.length + " bytes, want "
          + Digest.LENGTH);
    }
    return Digest.of(bytes);
  }

  /** Walks the text line by line, counting lines for messages. */
  private static final class Lines {
    private final String text;
    private int position;
    private int number;

    Lines(String text) {
      this.text = text;
    }

    /** The next line without its newline; a line with no newline means the text was cut. */
    String next(String expected) throws TlogProofException {
      int end = text.indexOf('\n', position);
      number++;
      if (end < 0) {
        throw error(position == text.length()
            ? "proof ends before " + expected + " (truncated?)"
            : "no newline at the end of the line, before " + expected + " (truncated?)");
      }
      String line = text.substring(position, end);
      position = end + 1;
      return line;
    }

    String rest() {
      return text.substring(position);
    }

    TlogProofException error(String problem) {
      return new TlogProofException("line " + number + ": " + problem);
    }
  }
}
