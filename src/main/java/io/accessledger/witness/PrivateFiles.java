package io.accessledger.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Creates the witness's files durably and privately: mode 0600 from the moment they exist (a
 * creation attribute, not a later chmod), never over an existing file, contents {@code fsync}ed,
 * then the directory {@code fsync}ed so the new name survives a power cut.
 */
final class PrivateFiles {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  private static final SecureRandom RANDOM = new SecureRandom();

  private PrivateFiles() {}

  /**
   * Writes {@code content} to a new file at {@code target}.
   *
   * @throws FileAlreadyExistsException if anything exists at {@code target}
   */
  static void createNew(Path target, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(target,
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
      writeFully(channel, content);
      channel.force(true);
    }
    syncDirectory(target.getParent());
  }

  /**
   * Publishes {@code content} at {@code target} all at once: written to a private temporary file
   * beside it, then hard-linked into place, so no reader ever sees it half written.
   *
   * @throws FileAlreadyExistsException if anything exists at {@code target}; nothing is changed
   */
  static void publish(Path target, byte[] content) throws IOException {
    byte[] nonce = new byte[8];
    RANDOM.nextBytes(nonce);
    Path temporary = target.resolveSibling(
        "." + target.getFileName() + ".tmp-" + HexFormat.of().formatHex(nonce));
    try {
      try (FileChannel channel = FileChannel.open(temporary,
          EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
        writeFully(channel, content);
        channel.force(true);
      }
      Files.createLink(target, temporary);
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory(target.getParent());
  }

  static void writeFully(FileChannel channel, byte[] content) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(content);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
