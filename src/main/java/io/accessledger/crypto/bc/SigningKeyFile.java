package io.accessledger.crypto.bc;

import io.accessledger.crypto.Ed25519Keys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The ledger's Ed25519 signing key on disk: created once, never overwritten.
 *
 * <p><b>Format.</b> The file holds exactly one ASCII line: {@code ed25519-seed:} followed by the
 * standard, padded base64 (RFC 4648 section 4) of the 32-byte RFC 8032 private key seed, then a
 * newline (the final newline may be absent). Anything else is refused as malformed.
 *
 * <p><b>Guarantees.</b>
 *
 * <ul>
 *   <li>An existing file is never overwritten, truncated or re-permissioned.
 *   <li>A new key is written to a temporary file in the same directory that is created with
 *       {@code CREATE_NEW} and mode {@code rw-------} (0600) as a creation attribute, so it is
 *       never readable by others, not even briefly; it is written and {@code fsync}ed, then
 *       published under the final name with a hard link (which fails rather than replace an
 *       existing file), and the directory is {@code fsync}ed. A reader therefore never sees a
 *       partly written key. If another process publishes first, its key is loaded and ours is
 *       discarded. A crash mid-creation can leave a private {@code .<name>.tmp-*} file in the
 *       directory, never a partial key under the final name; the stray file may be deleted.
 *   <li>An existing file is refused unless it is a regular file whose permissions grant nothing
 *       beyond owner read and write (0600 or 0400).
 *   <li>The seed never appears in exceptions, messages or {@code toString}.
 * </ul>
 *
 * <p>Requires a POSIX file system (Linux, macOS); the parent directory must exist.
 */
public final class SigningKeyFile {
  private static final byte[] PREFIX = "ed25519-seed:".getBytes(StandardCharsets.US_ASCII);
  private static final int BASE64_SEED_LENGTH = 44;
  private static final int MAX_FILE_BYTES = 1024;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTRIBUTE =
      PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SigningKeyFile() {}

  /**
   * Loads the signing key from {@code file}, first creating it with a fresh random seed if no file
   * (or symbolic link) exists at that path.
   *
   * @throws KeyFileException if the file exists but is not a regular file, is accessible to group
   *     or others, or is malformed; or if it cannot be read, created or synced (the cause is the
   *     {@link IOException})
   */
  public static Ed25519Signer loadOrCreate(Path file) {
    Path target = file.toAbsolutePath();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return load(target);
    }
    byte[] seed = Ed25519Keys.generateSeed(RANDOM);
    byte[] content = encode(seed);
    try {
      Ed25519Signer signer = new Ed25519Signer(seed);
      boolean published;
      try {
        published = publish(target, content);
      } catch (IOException e) {
        throw new KeyFileException("cannot create signing key file " + target + ": " + e, e);
      }
      return published ? signer : load(target);
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Loads the signing key from an existing {@code file}; never creates anything.
   *
   * @throws KeyFileException if the file is not a regular file, is accessible to group or others,
   *     or is malformed; or if it cannot be read, for example because it does not exist (the cause
   *     is the {@link IOException})
   */
  public static Ed25519Signer load(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      throw new KeyFileException("cannot read signing key file " + file + ": " + e, e);
    }
  }

  private static Ed25519Signer read(Path file) throws IOException {
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
    byte[] content = Files.readAllBytes(file);
    byte[] seed = null;
    try {
      seed = decode(content);
      if (seed == null) {
        throw malformed(file);
      }
      return new Ed25519Signer(seed);
    } finally {
      Arrays.fill(content, (byte) 0);
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
      }
    }
  }

  /** Writes a private temporary file, then links it to {@code target}; false if target exists. */
  private static boolean publish(Path target, byte[] content) throws IOException {
    Path directory = target.getParent();
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    Path temporary =
        directory.resolve(
            "." + target.getFileName() + ".tmp-" + HexFormat.of().formatHex(nonce));
    boolean published;
    try {
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              OWNER_ONLY_ATTRIBUTE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.createLink(target, temporary);
        published = true;
      } catch (FileAlreadyExistsException e) {
        published = false;
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory(directory);
    return published;
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static byte[] encode(byte[] seed) {
    byte[] base64 = Base64.getEncoder().encode(seed);
    byte[] content = new byte[PREFIX.length + base64.length + 1];
    System.arraycopy(PREFIX, 0, content, 0, PREFIX.length);
    System.arraycopy(base64, 0, content, PREFIX.length, base64.length);
    content[content.length - 1] = '\n';
    Arrays.fill(base64, (byte) 0);
    return content;
  }

  /** The seed, or null if {@code content} is not exactly the documented format. */
  private static byte[] decode(byte[] content) {
    int length = content.length;
    if (length > 0 && content[length - 1] == '\n') {
      length--;
    }
    if (length != PREFIX.length + BASE64_SEED_LENGTH
        || !Arrays.equals(content, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
      return null;
    }
    byte[] base64 = Arrays.copyOfRange(content, PREFIX.length, length);
    byte[] seed = null;
    byte[] canonical = null;
    try {
      seed = Base64.getDecoder().decode(base64);
      canonical = Base64.getEncoder().encode(seed);
      if (seed.length != Ed25519Keys.SEED_LENGTH || !MessageDigest.isEqual(canonical, base64)) {
        Arrays.fill(seed, (byte) 0);
        return null;
      }
      return seed;
    } catch (IllegalArgumentException e) {
      return null; // the decoder's message may quote a character of the seed: drop it
    } finally {
      Arrays.fill(base64, (byte) 0);
      if (canonical != null) {
        Arrays.fill(canonical, (byte) 0);
      }
    }
  }

  private static KeyFileException malformed(Path file) {
    return new KeyFileException(
        "signing key file " + file + " is malformed: expected one line"
            + " 'ed25519-seed:<base64 of a 32-byte seed>'. It was not changed; restore it from"
            + " backup (a new key would not verify the checkpoints already signed)");
  }
}
