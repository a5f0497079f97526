package io.accessledger.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which witness key made a cosignature, as a signed note names a key: its key name and its 4-byte
 * key ID (C2SP {@code tlog-cosignature}: SHA-256(name || "\n" || 0x04 || public key)[:4]), as 8
 * lowercase hex digits. The store keeps at most one cosignature per checkpoint and {@code
 * CosignerId}.
 *
 * @param name the witness's key name, e.g. {@code witness.example.org/w1}
 * @param keyId the key ID, 8 lowercase hex digits
 */
public record CosignerId(String name, String keyId) {
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");

  public CosignerId {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyId, "keyId");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a witness's key name must be non-empty");
    }
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("a key ID is 8 lowercase hex digits, got " + keyId);
    }
  }

  /** {@code name+keyId}, as messages name a key. */
  @Override
  public String toString() {
    return name + "+" + keyId;
  }
}
