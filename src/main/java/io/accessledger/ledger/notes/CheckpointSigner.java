package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureException;
import io.accessledger.crypto.Signer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs this log's checkpoints as C2SP signed notes, with the origin as the key name.
 *
 * <p>The note is the checkpoint's {@link Checkpoint#body() body}, a blank line, and one signature
 * line {@code "— " + origin + " " + base64(key ID || Ed25519 signature of the body) + "\n"}.
 *
 * <p>The constructor checks, by signing and verifying a probe message, that {@code publicKey}
 * belongs to {@code signer}, so a log can never publish a verifier key that does not verify its
 * checkpoints. Thread-safe if the {@link Signer} is.
 */
public final class CheckpointSigner {
  private static final byte[] PROBE =
      "access-ledger checkpoint signer key check".getBytes(StandardCharsets.UTF_8);

  private final String origin;
  private final Signer signer;
  private final VerifierKey verifierKey;

  /**
   * A signer for checkpoints of the log named {@code origin}.
   *
   * @throws IllegalArgumentException if {@code origin} is not a valid key name, {@code publicKey}
   *     is not a 32-byte Ed25519 key, or it is not the public key of {@code signer}
   */
  public CheckpointSigner(String origin, Signer signer, byte[] publicKey) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.verifierKey = VerifierKey.of(origin, publicKey);
    this.origin = origin;
    if (origin.equals(CompletenessStatement.HEADER)) {
      throw new IllegalArgumentException(
          "the origin may not be " + CompletenessStatement.HEADER + ", the statement header");
    }
    try {
      verifierKey.verifier().verify(PROBE, signer.sign(PROBE));
    } catch (SignatureException e) {
      throw new IllegalArgumentException("the public key given is not the signer's public key", e);
    }
  }

  /** The origin line of every checkpoint this signer signs, also its key name. */
  public String origin() {
    return origin;
  }

  /** The key that verifies this signer's checkpoints; publish its {@code toString()}. */
  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /**
   * The signed note for {@code checkpoint}, ending with a newline.
   *
   * @throws IllegalArgumentException if the checkpoint's origin is not this signer's origin
   */
  public String sign(Checkpoint checkpoint) {
    if (!checkpoint.origin().equals(origin)) {
      throw new IllegalArgumentException(
          "refusing to sign a checkpoint for origin " + NoteText.quote(checkpoint.origin())
              + " with the key of " + NoteText.quote(origin));
    }
    return signed(checkpoint.body());
  }

  /**
   * The signed note for a {@link CompletenessStatement} about this log, ending with a newline.
   *
   * @throws IllegalArgumentException if the statement's origin is not this signer's origin
   */
  public String sign(CompletenessStatement statement) {
    if (!statement.origin().equals(origin)) {
      throw new IllegalArgumentException(
          "refusing to sign a statement for origin " + NoteText.quote(statement.origin())
              + " with the key of " + NoteText.quote(origin));
    }
    return signed(statement.body());
  }

  /**
   * {@code note}, a checkpoint note of this log already signed by another of its keys, with this
   * key's signature line added after the others: how a log signs with two keys while it rotates.
   *
   * @throws CheckpointException if {@code note} is not a well-formed signed note
   * @throws IllegalArgumentException if its text is not a checkpoint of this signer's origin, or
   *     it already carries a line from this key
   */
  public String addSignature(String note) throws CheckpointException {
    SignedNote parsed = SignedNote.parse(note);
    String body = parsed.text();
    if (!body.startsWith(origin + "\n")) {
      throw new IllegalArgumentException("refusing to add a signature to a note that is not a"
          + " checkpoint of " + NoteText.quote(origin));
    }
    if (parsed.keyIdsNamed(origin).contains(verifierKey.keyId())) {
      throw new IllegalArgumentException("the note already carries a signature from "
          + verifierKey.label());
    }
    return note + signatureLine(body);
  }

  private String signed(String body) {
    return body + "\n" + signatureLine(body);
  }

  private String signatureLine(String body) {
    byte[] signature = signer.sign(body.getBytes(StandardCharsets.UTF_8));
    if (signature.length != Ed25519Keys.SIGNATURE_LENGTH) {
      throw new IllegalStateException(
          "signer returned " + signature.length + " bytes, not an Ed25519 signature");
    }
    byte[] keyIdAndSignature =
        ByteBuffer.allocate(4 + signature.length)
            .putInt(verifierKey.keyId())
            .put(signature)
            .array();
    return SignedNote.SIGNATURE_PREFIX + origin + " "
        + Base64.getEncoder().encodeToString(keyIdAndSignature) + "\n";
  }

  @Override
  public String toString() {
    return "CheckpointSigner[" + verifierKey + "]";
  }
}
