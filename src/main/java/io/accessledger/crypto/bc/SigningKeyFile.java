package io.accessledger.crypto.bc;

import io.accessledger.crypto.Ed25519Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's Ed25519 signing key on disk: created once, never overwritten except to seal it.
 *
 * <p><b>Formats.</b> A plain file holds exactly one ASCII line: {@code ed25519-seed:} followed by
 * the standard, padded base64 (RFC 4648 section 4) of the 32-byte RFC 8032 private key seed, then
 * a newline (the final newline may be absent). A sealed file holds the seed encrypted under a
 * passphrase ({@link SealedKey} documents it). Anything else is refused as malformed.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>An existing file is never truncated or re-permissioned, and never overwritten except by
 *       {@link #seal}, which replaces it whole, and {@link #destroy}.
 *   <li>A new key is written to a temporary file in the same directory that is created with
 *       {@code CREATE_NEW} and mode {@code rw-------} (0600) as a creation attribute, so it is
 *       never readable by others, not even briefly; it is written and {@code fsync}ed, then
 *       published under the final name with a hard link (which fails rather than replace an
 *       existing file), and the directory is {@code fsync}ed. A reader therefore never sees a
 *       partly written key. If another process publishes first, its key is loaded and ours is
 *       discarded. A crash mid-creation can leave a private {@code .<name>.tmp-*} file in the
 *       directory, never a partial key under the final name; the stray file may be deleted.
 *   <li>With a passphrase set, every key file this class creates is sealed.
 *   <li>An existing file is refused unless it is a regular file whose permissions grant nothing
 *       beyond owner read and write (0600 or 0400). A sealed file is refused without a passphrase,
 *       and with one that does not open it; a refusal changes nothing on disk.
 *   <li>The seed and the passphrase never appear in exceptions, messages, logs or
 *       {@code toString}; their bytes are wiped once used.
 * </ul>
 *
 * <p>Requires a POSIX file system (Linux, macOS); the parent directory must exist.
 */
public final class SigningKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);
  private static final int MAX_FILE_BYTES = 1024;
  private static final Set<PosixFilePermission> OWNER_ONLY = KeyFileWrites.OWNER_ONLY;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SigningKeyFile() {}

  /** {@link #loadOrCreate(Path, KeyPassphrase)} with no passphrase. */
  public static Ed25519Signer loadOrCreate(Path file) {
    return loadOrCreate(file, KeyPassphrase.none());
  }

  /**
   * Loads the signing key from {@code file}, first creating it with a fresh random seed (sealed
   * when {@code passphrase} is set) if no file (or symbolic link) exists at that path.
   *
   * @throws KeyFileException if the file exists but is not a regular file, is accessible to group
   *     or others, is malformed, or is sealed and {@code passphrase} does not open it; or if it
   *     cannot be read, created or synced (the cause is the {@link IOException})
   */
  public static Ed25519Signer loadOrCreate(Path file, KeyPassphrase passphrase) {
    Path target = file.toAbsolutePath();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return load(target, passphrase);
    }
    Ed25519Signer created = create(target, passphrase);
    return created != null ? created : load(target, passphrase);
  }

  /**
   * Generates a fresh key and publishes it at {@code file} (sealed when {@code passphrase} is
   * set), atomically and with mode 0600, as {@link #loadOrCreate} does; but an existing file is
   * an error, never loaded.
   *
   * @throws KeyFileException if a file (or symbolic link) exists at that path, or it cannot be
   *     created or synced
   */
  public static Ed25519Signer createNew(Path file, KeyPassphrase passphrase) {
    Path target = file.toAbsolutePath();
    Ed25519Signer created =
        Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? null : create(target, passphrase);
    if (created == null) {
      throw new KeyFileException("signing key file " + target + " already exists; a new key is"
          + " never written over an existing one");
    }
    return created;
  }

  /** {@link #load(Path, KeyPassphrase)} with no passphrase: a sealed file is refused. */
  public static Ed25519Signer load(Path file) {
    return load(file, KeyPassphrase.none());
  }

  /**
   * Loads the signing key from an existing {@code file}; never creates or changes anything. A
   * plain file loads whether or not a passphrase is set (a WARN says it is not sealed); a sealed
   * one needs the passphrase it was sealed with.
   *
   * @throws KeyFileException if the file is not a regular file, is accessible to group or others,
   *     is malformed, or is sealed and {@code passphrase} is unset or does not open it; or if it
   *     cannot be read, for example because it does not exist (the cause is the
   *     {@link IOException})
   */
  public static Ed25519Signer load(Path file, KeyPassphrase passphrase) {
    byte[] content = readPrivate(file);
    byte[] seed = null;
    try {
      seed = seedOf(file, content, passphrase);
      if (passphrase.isSet() && !SealedKey.looksSealed(content)) {
        LOG.warn("the signing key file {} is not sealed although {} is set: it holds the key in"
            + " the clear; seal it with the seal-key command", file, KeyPassphrase.VARIABLE);
      }
      return new Ed25519Signer(seed);
    } finally {
      Arrays.fill(content, (byte) 0);
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }

  /** True when {@code file} is a sealed key file (it is read, checked as private, not opened). */
  public static boolean isSealed(Path file) {
    byte[] content = readPrivate(file);
    try {
      return SealedKey.looksSealed(content);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Seals the plain key file {@code file} in place with {@code passphrase}: the sealed file is
   * written beside it (0600, synced), opened again with the passphrase to check it holds the same
   * key, and renamed over it in one step; the plain file's bytes are then overwritten with random
   * bytes and synced before its last name is removed. A crash leaves {@code file} plain or sealed,
   * never neither, and at worst the plain bytes in a private {@code .<name>.replaced-*} file.
   * The caller MUST ensure nothing else writes the file meanwhile.
   *
   * @return the key, unchanged
   * @throws KeyFileException if {@code passphrase} is unset, the file is already sealed, cannot be
   *     loaded, or cannot be replaced
   */
  public static Ed25519Signer seal(Path file, KeyPassphrase passphrase) {
    return InPlaceSealing.seal(file.toAbsolutePath(), passphrase);
  }

  /**
   * Destroys a key file: overwrites its bytes with random bytes, syncs them, removes the file and
   * syncs its directory. Nothing happens if no file is there (so a destruction interrupted after
   * the removal may be repeated); a symbolic link or other non-regular file is refused. On a
   * copy-on-write or journalling file system, or flash storage, old blocks may survive the
   * overwrite: it is a best effort beyond the removal.
   *
   * @throws KeyFileException if the file cannot be overwritten, synced or removed
   */
  public static void destroy(Path file) {
    try {
      KeyFileWrites.destroy(file.toAbsolutePath());
    } catch (IOException e) {
      throw new KeyFileException("cannot destroy signing key file " + file + ": " + e, e);
    }
  }

  /** A fresh key published at {@code target}, or null if a file appeared there first. */
  private static Ed25519Signer create(Path target, KeyPassphrase passphrase) {
    byte[] seed = Ed25519Keys.generateSeed(RANDOM);
    byte[] content = null;
    try {
      content = encode(seed, passphrase);
      Ed25519Signer signer = new Ed25519Signer(seed);
      try {
        return KeyFileWrites.publish(target, content) ? signer : null;
      } catch (IOException e) {
        throw new KeyFileException("cannot create signing key file " + target + ": " + e, e);
      }
    } finally {
      Arrays.fill(seed, (byte) 0);
      if (content != null) {
        Arrays.fill(content, (byte) 0);
      }
    }
  }

  static byte[] encode(byte[] seed, KeyPassphrase passphrase) {
    if (!passphrase.isSet()) {
      return PlainKey.encode(seed);
    }
    byte[] secret = passphrase.read();
    try {
      return SealedKey.seal(seed, secret, passphrase.sealing());
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** The seed in {@code content}, plain or sealed; the caller wipes it. */
  static byte[] seedOf(Path file, byte[] content, KeyPassphrase passphrase) {
    if (SealedKey.looksSealed(content)) {
      if (!passphrase.isSet()) {
        throw new KeyFileException("signing key file " + file + " is sealed, and no passphrase"
            + " is given: set " + KeyPassphrase.VARIABLE + " to the file that holds it");
      }
      byte[] secret = passphrase.read();
      try {
        return SealedKey.open(content, secret, file, passphrase.file().orElseThrow());
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    }
    byte[] seed = PlainKey.decode(content);
    if (seed == null) {
      throw malformed(file);
    }
    return seed;
  }

  static byte[] readPrivate(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      throw new KeyFileException("cannot read signing key file " + file + ": " + e, e);
    }
  }

  private static byte[] read(Path file) throws IOException {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class);
    } catch (UnsupportedOperationException e) {
      throw new KeyFileException(
          "signing key file " + file + " is on a file system without POSIX permissions;"
              + " cannot check that it is private");
    }
    if (!attributes.isRegularFile()) {
      throw new KeyFileException("signing key file " + file + " is not a regular file");
    }
    Set<PosixFilePermission> permissions = attributes.permissions();
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new KeyFileException(
          "signing key file " + file + " has permissions "
              + PosixFilePermissions.toString(permissions)
              + "; it must be readable and writable by its owner only (rw-------)."
              + " Fix with: chmod 600 " + file);
    }
    if (attributes.size() > MAX_FILE_BYTES) {
      throw malformed(file);
    }
    return Files.readAllBytes(file);
  }

  private static KeyFileException malformed(Path file) {
    return new KeyFileException(
        "signing key file " + file + " is malformed: expected one line"
            + " 'ed25519-seed:<base64 of a 32-byte seed>', or a sealed key. It was not changed;"
            + " restore it from backup (a new key would not verify the checkpoints already signed)");
  }
}
