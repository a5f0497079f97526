package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One C2SP {@code tlog-cosignature} Ed25519 ({@code cosignature/v1}) line, syntax checked on
 * {@link #parse}, verified only by {@link #verify}:
 *
 * <pre>— &lt;witness name&gt; base64(key ID || 8-byte big-endian timestamp || signature)</pre>
 *
 * <p>(The signature is Ed25519, 64 bytes.)
 *
 * <p>The signature is over {@link #message}: {@code "cosignature/v1\ntime <timestamp>\n"} followed
 * by the whole note text of the checkpoint (with its final newline, without the blank line and
 * signature lines). By it the witness states that, at that time, this was the largest tree of the
 * origin's log that it had seen, and that it had checked it extends every tree it saw before.
 *
 * <p>Immutable; the signature bytes are copied in and out.
 */
public final class Cosignature {
  /** The header line of the signed message, which separates cosignatures from other signatures. */
  public static final String HEADER = "cosignature/v1";

  private static final int DECODED_LENGTH = 4 + 8 + Ed25519Keys.SIGNATURE_LENGTH;

  private final String keyName;
  private final int keyId;
  private final long timestamp;
  private final byte[] signature;

  Cosignature(String keyName, int keyId, long timestamp, byte[] signature) {
    this.keyName = keyName;
    this.keyId = keyId;
    this.timestamp = timestamp;
    this.signature = signature.clone();
  }

  /**
   * Parses one cosignature line, with or without its final newline.
   *
   * @throws CheckpointException if it is not a signature line (em dash, space, key name, space,
   *     canonical base64), does not decode to 76 bytes (key ID, timestamp, Ed25519 signature), or
   *     has a timestamp above 2^63 - 1
   */
  public static Cosignature parse(String line) throws CheckpointException {
    Objects.requireNonNull(line, "line");
    String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    String problem = NoteText.textProblem(bare, false);
    if (problem != null) {
      throw new CheckpointException("cosignature line " + problem);
    }
    if (!bare.startsWith(SignedNote.SIGNATURE_PREFIX)) {
      throw new CheckpointException(
          "cosignature line does not start with an em dash (U+2014) and a space");
    }
    String rest = bare.substring(SignedNote.SIGNATURE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new CheckpointException("cosignature line has no space between name and signature");
    }
    String name = rest.substring(0, space);
    String nameProblem = NoteText.keyNameProblem(name);
    if (nameProblem != null) {
      throw new CheckpointException("cosignature key name " + nameProblem);
    }
    byte[] decoded;
    try {
      decoded = NoteText.decodeBase64(rest.substring(space + 1));
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("cosignature is not canonical base64");
    }
    if (decoded.length != DECODED_LENGTH) {
      throw new CheckpointException("cosignature is " + decoded.length + " bytes, want "
          + DECODED_LENGTH + " (key ID, timestamp, Ed25519 signature)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(decoded);
    int keyId = buffer.getInt();
    long timestamp = buffer.getLong();
    if (timestamp < 0) {
      throw new CheckpointException("cosignature timestamp exceeds 2^63 - 1");
    }
    byte[] signature = new byte[Ed25519Keys.SIGNATURE_LENGTH];
    buffer.get(signature);
    return new Cosignature(name, keyId, timestamp, signature);
  }

  /**
   * Parses a sequence of cosignature lines, each ending with a newline (a witness's answer to
   * {@code add-checkpoint}).
   *
   * @throws CheckpointException if {@code lines} is empty, does not end with a newline, or any
   *     line is not a cosignature line (the message says which)
   */
  public static List<Cosignature> parseLines(String lines) throws CheckpointException {
    Objects.requireNonNull(lines, "lines");
    if (lines.isEmpty() || !lines.endsWith("\n")) {
      throw new CheckpointException("cosignature lines must be one or more lines ending with a"
          + " newline");
    }
    String[] split = lines.substring(0, lines.length() - 1).split("\n", -1);
    if (split.length > SignedNote.MAX_SIGNATURES) {
      throw new CheckpointException("more than " + SignedNote.MAX_SIGNATURES
          + " cosignature lines");
    }
    List<Cosignature> parsed = new ArrayList<>(split.length);
    for (int i = 0; i < split.length; i++) {
      try {
        parsed.add(parse(split[i]));
      } catch (CheckpointException e) {
        throw new CheckpointException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(parsed);
  }

  /**
   * The message a {@code cosignature/v1} signs: the header line, {@code "time " + timestamp}, and
   * {@code checkpointBody}.
   *
   * @throws IllegalArgumentException if {@code timestamp} is negative or {@code checkpointBody}
   *     is not note text (empty, not ending with a newline, or holding control characters)
   */
  public static byte[] message(String checkpointBody, long timestamp) {
    Objects.requireNonNull(checkpointBody, "checkpointBody");
    if (timestamp < 0) {
      throw new IllegalArgumentException("cosignature timestamp must be >= 0, got " + timestamp);
    }
    if (checkpointBody.isEmpty() || !checkpointBody.endsWith("\n")
        || NoteText.textProblem(checkpointBody, true) != null) {
      throw new IllegalArgumentException(
          "a checkpoint body is note text ending with a newline, with no control characters");
    }
    return (HEADER + "\ntime " + timestamp + "\n" + checkpointBody)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The witness's name, as the line gives it. */
  public String keyName() {
    return keyName;
  }

  /** The 4-byte key ID the line states, as a big-endian int. */
  public int keyId() {
    return keyId;
  }

  /** The key ID as 8 lowercase hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The time of cosigning in seconds since the epoch, as the line states it. */
  public long timestamp() {
    return timestamp;
  }

  /** {@link #timestamp()} as an instant. */
  public Instant time() {
    return Instant.ofEpochSecond(timestamp);
  }

  /** A copy of the 64-byte Ed25519 signature. */
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * True if this line names {@code key}: its name AND its key ID (the signed-note rule; lines
   * that share only one of them are from unknown keys and MUST be ignored, not failed).
   */
  public boolean isFrom(WitnessKey key) {
    return keyId == key.keyId() && keyName.equals(key.name());
  }

  /**
   * Checks that {@code key} made this cosignature over {@code checkpointBody} at {@link
   * #timestamp()}. Returns normally only then.
   *
   * @throws CheckpointException if the line is not from {@code key} (name or key ID differ) or
   *     the signature does not verify over that body and time
   */
  public void verify(String checkpointBody, WitnessKey key) throws CheckpointException {
    Objects.requireNonNull(key, "key");
    if (!isFrom(key)) {
      throw new CheckpointException("cosignature is from " + NoteText.quote(label())
          + ", not from witness key " + NoteText.quote(key.label()));
    }
    byte[] message;
    try {
      message = message(checkpointBody, timestamp);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException("cannot check a cosignature: " + e.getMessage(), e);
    }
    try {
      key.verifier().verify(message, signature);
    } catch (SignatureException e) {
      throw new CheckpointException(
          "cosignature does not verify for witness key " + key.label() + " at time " + timestamp,
          e);
    }
  }

  /** As {@link #verify(String, WitnessKey)} over {@code checkpoint}'s {@link Checkpoint#body()}. */
  public void verify(Checkpoint checkpoint, WitnessKey key) throws CheckpointException {
    verify(checkpoint.body(), key);
  }

  /** The signature line, ending with a newline; {@link #parse} reads it back. */
  public String line() {
    byte[] bytes = ByteBuffer.allocate(DECODED_LENGTH)
        .putInt(keyId).putLong(timestamp).put(signature).array();
    return SignedNote.SIGNATURE_PREFIX + keyName + " "
        + Base64.getEncoder().encodeToString(bytes) + "\n";
  }

  private String label() {
    return keyName + "+" + keyIdHex();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cosignature c
        && keyName.equals(c.keyName)
        && keyId == c.keyId
        && timestamp == c.timestamp
        && Arrays.equals(signature, c.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, timestamp) * 31 + Arrays.hashCode(signature);
  }

  /** The line without its newline. */
  @Override
  public String toString() {
    String line = line();
    return line.substring(0, line.length() - 1);
  }
}
