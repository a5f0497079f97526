package io.accessledger.witness;

import io.accessledger.ledger.merkle.Digest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The body of a C2SP {@code tlog-witness} {@code add-checkpoint} request, syntax checked: the
 * line {@code old <size>}, zero to {@link #MAX_PROOF_LINES} consistency proof lines (one base64
 * hash each), an empty line, then the signed checkpoint note (not yet verified).
 *
 * @param oldSize the size of the checkpoint the client believes the witness cosigned last
 * @param proof the RFC 6962 consistency proof from {@code oldSize} to the checkpoint's size
 * @param note the signed checkpoint as sent, ending with a newline
 */
public record AddCheckpointRequest(long oldSize, List<Digest> proof, String note) {
  /** The spec's limit: a client MUST NOT send more proof lines than this. */
  public static final int MAX_PROOF_LINES = 63;

  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  public AddCheckpointRequest {
    Objects.requireNonNull(note, "note");
    proof = List.copyOf(proof);
  }

  /**
   * Parses a request body.
   *
   * @throws AddCheckpointRefused (malformed) naming the problem: not UTF-8, no or a bad
   *     {@code old} line, a proof line that is not the base64 of 32 bytes, too many proof lines,
   *     no empty line before the checkpoint, or no checkpoint
   */
  public static AddCheckpointRequest parse(byte[] body) throws AddCheckpointRefused {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw malformed("the body is not UTF-8");
    }
    int end = text.indexOf('\n');
    if (end < 0 || !text.startsWith("old ")) {
      throw malformed("the body must start with the line 'old <size>'");
    }
    String size = text.substring(4, end);
    if (!DECIMAL.matcher(size).matches()) {
      throw malformed("the old size must be decimal with no sign or leading zero, got '"
          + shorten(size) + "'");
    }
    long oldSize;
    try {
      oldSize = Long.parseLong(size);
    } catch (NumberFormatException e) {
      throw malformed("the old size is out of range");
    }
    List<Digest> proof = new ArrayList<>();
    int start = end + 1;
    while (true) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        throw malformed("no empty line between the proof and the checkpoint");
      }
      if (end == start) {
        break;
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw malformed("more than " + MAX_PROOF_LINES + " consistency proof lines");
      }
      proof.add(hash(text.substring(start, end), proof.size() + 1));
      start = end + 1;
    }
    String note = text.substring(end + 1);
    if (note.isEmpty()) {
      throw malformed("no checkpoint after the empty line");
    }
    return new AddCheckpointRequest(oldSize, proof, note);
  }

  /** The checkpoint's origin: the note's first line (read before any key is chosen). */
  public String origin() {
    int newline = note.indexOf('\n');
    return newline < 0 ? note : note.substring(0, newline);
  }

  /** The note's signed text: up to and including the newline before its last blank line. */
  String noteText() {
    int split = note.lastIndexOf("\n\n");
    return split < 0 ? note : note.substring(0, split + 1);
  }

  private static Digest hash(String line, int number) throws AddCheckpointRefused {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      throw malformed("consistency proof line " + number + " is not base64");
    }
    if (decoded.length != Digest.LENGTH
        || !Base64.getEncoder().encodeToString(decoded).equals(line)) {
      throw malformed("consistency proof line " + number + " is not the canonical base64 of a "
          + Digest.LENGTH + "-byte hash");
    }
    return Digest.of(decoded);
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static AddCheckpointRefused malformed(String message) {
    return new AddCheckpointRefused(AddCheckpointRefused.Reason.MALFORMED, message);
  }
}
