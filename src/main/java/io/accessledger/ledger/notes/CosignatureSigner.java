package io.accessledger.ledger.notes;

import io.accessledger.crypto.Ed25519Keys;
import io.accessledger.crypto.SignatureException;
import io.accessledger.crypto.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Makes a witness's C2SP {@code tlog-cosignature} Ed25519 ({@code cosignature/v1}) lines over
 * checkpoints, under the witness's name.
 *
 * <p>This class signs whatever body it is given: deciding that a checkpoint deserves a cosignature
 * (its log's signature verifies, it extends every tree cosigned before, no other root was cosigned
 * for its size) is the caller's job, and a caller MUST NOT sign before it has checked and durably
 * recorded that. A caller SHOULD use one key per witness (the Ed25519 format does not commit to
 * the witness's name, so one key must not serve two witnesses).
 *
 * <p>The constructor checks, by signing and verifying a probe message, that {@code publicKey}
 * belongs to {@code signer}, so a witness never publishes a key that does not verify its
 * cosignatures. Thread-safe if the {@link Signer} is.
 */
public final class CosignatureSigner {
  private static final byte[] PROBE =
      "access-ledger cosignature signer key check".getBytes(StandardCharsets.UTF_8);

  private final Signer signer;
  private final WitnessKey key;

  /**
   * A signer for the witness named {@code name}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid key name, {@code publicKey} is
   *     not a 32-byte Ed25519 key, or it is not the public key of {@code signer}
   */
  public CosignatureSigner(String name, Signer signer, byte[] publicKey) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.key = WitnessKey.of(name, publicKey);
    try {
      key.verifier().verify(PROBE, signer.sign(PROBE));
    } catch (SignatureException e) {
      throw new IllegalArgumentException("the public key given is not the signer's public key", e);
    }
  }

  /** The key that verifies this signer's cosignatures; publish its {@code toString()}. */
  public WitnessKey key() {
    return key;
  }

  /**
   * The cosignature of {@code checkpointBody} (the checkpoint's whole note text, extension lines
   * included, ending with a newline) at {@code time}, truncated to whole seconds.
   *
   * @throws IllegalArgumentException if {@code time} is before the epoch or {@code checkpointBody}
   *     is not note text ending with a newline
   */
  public Cosignature sign(String checkpointBody, Instant time) {
    Objects.requireNonNull(time, "time");
    long timestamp = time.getEpochSecond();
    byte[] signature = signer.sign(Cosignature.message(checkpointBody, timestamp));
    if (signature.length != Ed25519Keys.SIGNATURE_LENGTH) {
      throw new IllegalStateException(
          "signer returned " + signature.length + " bytes, not an Ed25519 signature");
    }
    return new Cosignature(key.name(), key.keyId(), timestamp, signature);
  }

  /** As {@link #sign(String, Instant)} over {@code checkpoint}'s {@link Checkpoint#body()}. */
  public Cosignature sign(Checkpoint checkpoint, Instant time) {
    return sign(checkpoint.body(), time);
  }

  @Override
  public String toString() {
    return "CosignatureSigner[" + key + "]";
  }
}
