package io.accessledger.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 hash value: exactly 32 bytes, compared by content.
 *
 * <p>Exists so that no record or map ever holds a raw {@code byte[]} (whose {@code equals} compares
 * references). Instances are immutable: the bytes are copied in and out.
 */
public final class Digest {
  /** Length of a SHA-256 hash in bytes. */
  public static final int LENGTH = 32;

  /** 32 zero bytes: the {@code prev} of entry 0. */
  public static final Digest ZERO = new Digest(new byte[LENGTH]);

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;

  private Digest(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException unless exactly 32 bytes are given
   */
  public static Digest of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "digest must be " + LENGTH + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Digest(bytes.clone());
  }

  /**
   * Takes ownership of {@code bytes} without copying; only for freshly computed hashes. The
   * caller MUST NOT keep or change the array: the digest would change under its holders. Public
   * only because the hashers live in other packages of the core.
   */
  public static Digest wrapFresh(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("digest must be " + LENGTH + " bytes, got " + bytes.length);
    }
    return new Digest(bytes);
  }

  /**
   * Parses 64 lowercase or uppercase hex digits.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code hex}
   */
  public static Digest fromHex(String hex) {
    if (hex == null || hex.length() != LENGTH * 2) {
      throw new IllegalArgumentException(
          "digest hex must be " + LENGTH * 2 + " characters, got "
              + (hex == null ? "null" : hex.length()));
    }
    try {
      return new Digest(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("digest hex is not hexadecimal: " + hex, e);
    }
  }

  /** Parses standard base64 of 32 bytes. */
  public static Digest fromBase64(String base64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("digest is not valid base64: " + base64, e);
    }
    return of(decoded);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lowercase hex, as used in JSON. */
  public String hex() {
    // By table rather than HexFormat: answers carry thousands of proof hashes, and this was a
    // measurable part of a history read.
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Standard base64 with padding, as used in checkpoints. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Feeds the bytes to {@code sink} without copying them. */
  void appendTo(java.security.MessageDigest sink) {
    sink.update(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Digest d && Arrays.equals(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
