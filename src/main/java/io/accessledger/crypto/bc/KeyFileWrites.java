package io.accessledger.crypto.bc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The file operations behind {@link SigningKeyFile}: every key file is born private (mode 0600 as
 * a creation attribute, never readable by others, not even briefly), fully written and synced
 * before it has its final name, and the directory is synced after every change of name.
 */
final class KeyFileWrites {
  static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_ATTRIBUTE =
      PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyFileWrites() {}

  /** Writes a private temporary file, then links it to {@code target}; false if target exists. */
  static boolean publish(Path target, byte[] content) throws IOException {
    Path temporary = writeTemporary(target, "tmp", content);
    boolean published;
    try {
      Files.createLink(target, temporary);
      published = true;
    } catch (FileAlreadyExistsException e) {
      published = false;
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory(target.getParent());
    return published;
  }

  /** A new private, synced file {@code .<name>.<kind>-<random>} beside {@code target}. */
  static Path writeTemporary(Path target, String kind, byte[] content) throws IOException {
    Path temporary = besides(target, kind);
    try (FileChannel channel = FileChannel.open(temporary,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        OWNER_ONLY_ATTRIBUTE)) {
      write(channel, ByteBuffer.wrap(content));
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    return temporary;
  }

  /**
   * Puts {@code replacement} (a file beside {@code target}) in {@code target}'s place in one
   * rename, keeping the replaced file under a private name {@code .<name>.replaced-*}, which is
   * returned for the caller to {@link #destroy}: a crash leaves {@code target} whole, old or new.
   * If this throws, {@code target} is unchanged.
   */
  static Path replace(Path target, Path replacement) throws IOException {
    Path old = besides(target, "replaced");
    Files.createLink(old, target);
    try {
      Files.move(replacement, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(old);
      throw e;
    }
    syncDirectory(target.getParent());
    return old;
  }

  /**
   * Overwrites the regular file {@code file} with random bytes, syncs it, removes it and syncs
   * its directory; nothing if it is absent. A symbolic link is refused, never followed.
   */
  static void destroy(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    }
    if (!attributes.isRegularFile()) {
      throw new KeyFileException("will not destroy " + file + ": it is not a regular file");
    }
    if (!Files.isWritable(file)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY); // a 0400 key is still ours to overwrite
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      long size = channel.size();
      byte[] noise = new byte[8192];
      for (long at = 0; at < size; at += noise.length) {
        RANDOM.nextBytes(noise);
        write(channel, ByteBuffer.wrap(noise, 0, (int) Math.min(noise.length, size - at)));
      }
      channel.force(true);
    }
    Files.delete(file);
    syncDirectory(file.toAbsolutePath().getParent());
  }

  static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static Path besides(Path target, String kind) {
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    return target.getParent().resolve(
        "." + target.getFileName() + "." + kind + "-" + HexFormat.of().formatHex(nonce));
  }

  private static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
