package io.accessledger.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 section 2.1.1 hashing: leaf hash = SHA-256(0x00 || leaf), interior node =
 * SHA-256(0x01 || left || right). The distinct prefixes keep a leaf from ever being passed off as
 * an interior node (second-preimage resistance of the tree).
 *
 * <p>Uses the JDK's SHA-256, which is intrinsic-accelerated on current CPUs; thread-safe.
 */
public final class TreeHasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(TreeHasher::newSha256);

  private TreeHasher() {}

  /** The hash of the empty tree: SHA-256 of nothing. */
  public static Digest emptyRoot() {
    MessageDigest md = SHA256.get();
    md.reset();
    return Digest.wrapFresh(md.digest());
  }

  /** SHA-256(0x00 || leaf). */
  public static Digest leafHash(byte[] leaf) {
    MessageDigest md = SHA256.get();
    md.reset();
    md.update(LEAF_PREFIX);
    md.update(leaf);
    return Digest.wrapFresh(md.digest());
  }

  /** SHA-256(0x01 || left || right). */
  public static Digest nodeHash(Digest left, Digest right) {
    MessageDigest md = SHA256.get();
    md.reset();
    md.update(NODE_PREFIX);
    left.appendTo(md);
    right.appendTo(md);
    return Digest.wrapFresh(md.digest());
  }

  /** Plain SHA-256 of {@code data}, for key IDs and file fingerprints. */
  public static byte[] sha256(byte[]... parts) {
    MessageDigest md = SHA256.get();
    md.reset();
    for (byte[] part : parts) {
      md.update(part);
    }
    return md.digest();
  }

  /** Plain SHA-256 of {@code data[from, to)}, without copying it. */
  public static Digest sha256(byte[] data, int from, int to) {
    MessageDigest md = SHA256.get();
    md.reset();
    md.update(data, from, to - from);
    return Digest.wrapFresh(md.digest());
  }

  /** A fresh SHA-256 digest, for callers that hash in pieces. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always provides SHA-256", e);
    }
  }
}
